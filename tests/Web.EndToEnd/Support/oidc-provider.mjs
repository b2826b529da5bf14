// A real OpenID Connect provider for the single sign-on journeys: oidc-provider (a certified implementation),
// run as its own process. Its people come from OIDC_ACCOUNTS ({ login: { email, email_verified, name, groups } });
// whoever signs in with another login is a person the provider knows and Governance does not.
const { default: Provider } = await import(process.env.OIDC_PROVIDER_MODULE);

const port = Number(process.env.OIDC_PORT);
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}');
const provider = new Provider(`http://localhost:${port}`, {
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID,
    client_secret: process.env.OIDC_CLIENT_SECRET,
    redirect_uris: [process.env.OIDC_REDIRECT_URI],
    post_logout_redirect_uris: [process.env.OIDC_POST_LOGOUT_REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  async findAccount(ctx, id) {
    const person = accounts[id] ?? { email: `${id}@elders.test`, email_verified: true, name: id, groups: [] };
    return { accountId: id, async claims() { return { sub: id, ...person }; } };
  },
  // A first-party client: the municipality's own application needs no consent screen.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile groups');
    grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['single-sign-on-journeys-only'] },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
});
provider.listen(port, () => console.log(`oidc-provider ready on http://localhost:${port}`));
