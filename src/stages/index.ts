// Importing a stage file registers it; this list is the one place that decides which stages exist.
import './segment.js';
import './langid.js';
import './morph.js';
import './values.js';
import './entities.js';
import './events.js';
