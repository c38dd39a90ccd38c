// The script of survey and pulse pages on people's own devices (RespondShell imports it with
// `?worker&url`: Vite ships it as one minified classic script under a content hash).
import { doc, start } from './core.js';

doc.documentElement.className += ' js';
start({ beacon: true });
