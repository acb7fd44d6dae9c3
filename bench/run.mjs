// ./edu bench [documents|identity|signing|attachments] [options] — runs one benchmark; each prints its figures and the ratios against
// its bars and against baselines measured in the same run.
const BENCHES = { documents: './documents.mjs', identity: './identity.mjs', signing: './signing.mjs', attachments: './attachments.mjs' };
const name = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : 'documents';
if (!BENCHES[name]) {
  console.error(`unknown benchmark '${name}' (${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
await import(BENCHES[name]);
