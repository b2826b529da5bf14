namespace Governance.Domain.Planning;

/// <summary>Municipal time is Dutch time: "today" and deadlines are in Europe/Amsterdam, instants are stored in UTC.</summary>
public static class MunicipalTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>The UTC instant of a local time on a local date (e.g. 09:00 on the deadline day).</summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly localTime) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(localTime, DateTimeKind.Unspecified), Zone);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
