/** The `crosstune` executable: runs the command line and exits with its code. */
import { main } from './run.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
