// The OpenID Connect provider `orcast dev` and the tests sign in against: panva's
// OpenID-certified `oidc-provider`, with a login form of our own for the demo users.
//
// Configuration arrives as one JSON document on stdin (never argv or the environment,
// which other local users' tools can read): {port, client: {client_id, client_secret,
// redirect_uris, post_logout_redirect_uris}, users: [{username, password, name, groups}]}.
// Listens on 127.0.0.1 only; prints `ready <issuer>` once it accepts connections.
// Passwords and tokens are never written to stdout or stderr.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';
import * as jose from 'jose';

const SCOPES = 'openid profile groups';

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (chunk) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function digest(text) {
  return createHash('sha256').update(String(text), 'utf8').digest();
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:3rem auto;padding:0 1rem}
label,input,button{display:block;width:100%;font-size:1rem;margin:.3rem 0}
input,button{padding:.5rem;box-sizing:border-box}.error{color:#a00}</style></head>
<body><main>${body}</main></body></html>`;
}

function loginForm(uid, clientName, error) {
  const problem = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  return page('Sign in', `<h1>Sign in</h1>
<p>to ${escapeHtml(clientName)} (ORcast development identity provider)</p>${problem}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
<label for="username">Username</label>
<input id="username" name="username" required autofocus autocapitalize="none">
<label for="password">Password</label>
<input id="password" name="password" type="password" required>
<button type="submit">Sign in</button></form>`);
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 16 * 1024) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function main() {
  const config = JSON.parse(await readStdin());
  const users = new Map(config.users.map((u) => [u.username, u]));
  const issuer = `http://127.0.0.1:${config.port}`;
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await jose.exportJWK(privateKey)), kid: randomBytes(8).toString('hex'),
    alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: [{
      ...config.client,
      client_name: 'ORcast',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'profile', 'groups'],
    claims: { openid: ['sub'], profile: ['name'], groups: ['groups'] },
    // Scope claims (name, groups) in the ID token as well, as Keycloak's group mapper does.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // The confirmation form submits itself: ORcast's own sign-out is already a POST.
        async logoutSource(ctx, form) {
          ctx.body = page('Signing out', `${form.replace('</form>',
            '<input type="hidden" name="logout" value="yes"></form>')}
<p>Signing out…</p><script>document.forms[0].submit()</script>`);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = page('Signed out', '<h1>Signed out</h1>');
        },
      },
    },
    async findAccount(ctx, sub) {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, name: user.name, groups: user.groups };
        },
      };
    },
    // ORcast is first-party: no consent screen (node-oidc-provider's documented recipe).
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { Session: 12 * 3600, Interaction: 600, AuthorizationCode: 60, IdToken: 3600,
      AccessToken: 3600, Grant: 12 * 3600 },
  });

  const interactionPath = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;
  const callback = provider.callback();
  const server = createServer(async (req, res) => {
    const match = interactionPath.exec(new URL(req.url, issuer).pathname);
    if (!match) {
      callback(req, res);
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== match[1]) throw new Error('interaction mismatch');
      if (details.prompt.name !== 'login') {  // consent is granted by loadExistingGrant
        await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
        return;
      }
      if (req.method === 'POST' && match[2]) {
        const form = await readForm(req);
        const user = users.get(form.get('username') || '');
        const given = digest(form.get('password') || '');
        if (user && timingSafeEqual(given, digest(user.password))) {
          await provider.interactionFinished(req, res, { login: { accountId: user.username } },
            { mergeWithLastSubmission: false });
          return;
        }
        res.statusCode = 401;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(loginForm(details.uid, 'ORcast', 'Unknown username or wrong password.'));
        return;
      }
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(loginForm(details.uid, 'ORcast'));
    } catch (err) {
      process.stderr.write(`interaction refused: ${err.name}: ${err.message}\n`);
      res.statusCode = 400;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(page('Sign-in expired', '<h1>This sign-in has expired</h1><p>Start again from ORcast.</p>'));
    }
  });
  server.listen(config.port, '127.0.0.1', () => {
    process.stdout.write(`ready ${issuer}\n`);
  });
  // Exit promptly even with browsers' keep-alive connections still open.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  process.stderr.write(`orcast dev oidc: ${err.name}: ${err.message}\n`);
  process.exit(1);
});
