// Encrypts an .xlsx with a password (ECMA-376 agile encryption, as Excel does).
// usage: node encrypt.js IN OUT PASSWORD   (needs the npm package officecrypto-tool; see ../README.md)
const fs = require('fs');
const officeCrypto = require('officecrypto-tool');

(async () => {
  const [input, output, password] = process.argv.slice(2);
  const encrypted = await officeCrypto.encrypt(fs.readFileSync(input), { password });
  fs.writeFileSync(output, encrypted);
})();
