// An independent OpenID Provider for the Hue-S interop tests: panva/oidc-provider (an
// OpenID Certified implementation) on 127.0.0.1, an ephemeral port, a fresh RS256 key, and its
// development login pages (any login, any password). Prints its issuer URL as the first line
// of standard output; stops on SIGTERM, SIGINT, or when standard input closes.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

// The issuer carries the port, so the server listens first and the provider comes second.
const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: `interop-${randomBytes(4).toString('hex')}`,
  alg: 'RS256',
  use: 'sig',
};

const provider = new Provider(issuer, {
  clients: [
    {
      // The Hue-S desktop app: a public native client with a loopback redirect (RFC 8252,
      // any port), code flow with PKCE, refresh tokens.
      client_id: 'hues-app',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback'],
    },
  ],
  jwks: { keys: [signingKey] },
  pkce: { methods: ['S256'], required: () => true },
  scopes: ['openid', 'offline_access', 'profile'],
  claims: { openid: ['sub'], profile: ['name'] },
  features: {
    devInteractions: { enabled: true },
    revocation: { enabled: true },
    userinfo: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  async findAccount(ctx, id) {
    return { accountId: id, claims: async () => ({ sub: id, name: `Interop ${id}` }) };
  },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  ttl: { AccessToken: 120, IdToken: 120, RefreshToken: 3600, Grant: 3600, Session: 3600 },
});
provider.on('server_error', (ctx, error) => console.error('server_error', error));

server.on('request', provider.callback());
process.stdout.write(`${issuer}\n`);

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
