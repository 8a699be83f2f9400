// Importing a command file registers it with the CLI.
import './extract.js';
import './eval.js';
import './kb.js';
import './bench.js';
