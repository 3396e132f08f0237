// usage: node verify.mjs <jwks-url> <token> <issuer> <audience>
// Exit 0 and print the header and claims when jose verifies the token against the JWK Set; exit 1 otherwise.
import { createRemoteJWKSet, jwtVerify } from "jose";

const [jwksUrl, token, issuer, audience] = process.argv.slice(2);
try {
  const jwks = createRemoteJWKSet(new URL(jwksUrl));
  const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer, audience, algorithms: ["ES256"], typ: "JWT" });
  console.log(JSON.stringify({ verified: true, header: protectedHeader, sub: payload.sub }));
} catch (error) {
  console.log(JSON.stringify({ verified: false, error: `${error.code ?? error.name}: ${error.message}` }));
  process.exit(1);
}
