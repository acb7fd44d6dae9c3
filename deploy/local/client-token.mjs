// A client-credentials access token (client_secret_basic) from identity, for the local tools and the benchmarks.
export async function clientToken(identityUrl, client) {
  const res = await fetch(`${identityUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`token for ${client.client_id}: ${res.status} ${await res.text()}`);
  return (await res.json()).access_token;
}
