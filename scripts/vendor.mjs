// Copy the front-end libraries installed from the npm registry into Django's static folder.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

const target = "src/glabella/web/static/vendor";
const files = {
  "htmx.org/dist/htmx.min.js": "htmx.min.js",
  "@picocss/pico/css/pico.min.css": "pico.min.css",
  "@zxing/library/umd/index.min.js": "zxing-library.min.js",
};
mkdirSync(target, { recursive: true });
for (const [from, to] of Object.entries(files)) {
  const dest = join(target, to);
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(join("node_modules", from), dest);
}
console.log(`vendor: ${Object.keys(files).length} files in ${target}`);
