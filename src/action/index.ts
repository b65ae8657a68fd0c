import '../runtime/io-bound.js';
import { run } from './main.js';

await run();
// Leave as soon as the output is out: undici's HTTP parser is WebAssembly, and Node would otherwise wait at exit
// for V8 to finish optimising it in the background (a few hundred milliseconds for nothing).
process.stdout.write('', () => process.exit());
