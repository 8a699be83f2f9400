// Importing this file registers the HTML and feed readers with readInputs.
import './html.js';
import './feed.js';
