// Importing a command file registers it with the CLI.
import './extract.js';
