// Bytes a first query downloads on a static search page, in Debian's chromium (headless): PolicyKB's search.html
// or the Pagefind UI of the Hugo site that bench/run.sh built, on the same corpus.
//   npm install --prefix bench/out/pw playwright-core && NODE_PATH=bench/out/pw/node_modules \
//   (cd SITE && python3 -m http.server 8901 --bind 127.0.0.1 &) ; node bench/search-bytes.mjs http://127.0.0.1:8901 policykb|pagefind
// Counts every response body of a fresh page load plus the query (page, styles, scripts, index files).
import { chromium } from 'playwright-core';
const [base, kind] = [process.argv[2], process.argv[3]];
const queries = ['教育', '发展', '区教体局', '教体局', '学前', '心理健康', '集团化办学', '局体教区'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const q of queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0, requests = 0;
  page.on('response', async r => { try { const b = await r.body(); bytes += b.length; requests++; } catch (e) {} });
  await page.goto(base + '/search/index.html'.replace('/search/index.html', kind === 'pagefind' ? '/search/' : '/search.html'));
  const input = kind === 'pagefind' ? '.pagefind-ui__search-input' : '#search-q';
  await page.waitForSelector(input);
  await page.fill(input, q);
  await page.waitForTimeout(2500);
  const hits = kind === 'pagefind'
    ? await page.locator('.pagefind-ui__result').count()
    : await page.locator('#search-results li').count();
  console.log([kind, q, Math.round(bytes / 1024) + ' KB', requests + ' requests', hits + ' results shown'].join('\t'));
  await context.close();
}
await browser.close();
