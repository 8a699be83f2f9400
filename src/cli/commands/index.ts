// Importing a command file registers it with the CLI.
import './extract.js';
import './eval.js';
import './kb.js';
import './bench.js';
import './ingest.js';
import './events.js';
import './entity.js';
import './search.js';
import './stats.js';
import './export.js';
