using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Hosting;

/// <summary>
/// The key ring lives in the data folder: what one run of the app protected (a sign-in cookie, the link in an
/// invitation e-mail) the next run, on the same data folder, still reads.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("governance-keys").FullName;

    [Fact]
    public void A_restarted_app_reads_what_it_protected_before_and_the_keys_are_in_the_data_folder()
    {
        string protectedText;
        using (var first = new DataFolderApp(_folder))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Uitnodiging").Protect("welkom in Governance");
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder, "keys"), "key-*.xml"));
        using var second = new DataFolderApp(_folder);
        Assert.Equal("welkom in Governance", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Uitnodiging").Unprotect(protectedText));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Wachtwoord").Unprotect(protectedText));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class DataFolderApp(string folder) : GovernanceAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Governance:DataFolder", folder);
        }
    }
}
