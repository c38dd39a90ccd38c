// The script of kiosk pages (`main[data-kiosk]`: a tablet at the desk, ADR 0013): everything a
// survey page gets, plus full screen on the first tap, a thank-you in place and a reset for the
// next customer, the idle reset, a guard against repeated taps, and the offline queue.
import { $$, clearError, doc, pulseStep, showIf, start } from './core.js';

doc.documentElement.className += ' js';
let main = doc.querySelector('main');
let kiosk = main.getAttribute('data-kiosk');
let settings = kiosk ? kiosk.split(' ').map(Number) : [5, 90, 3]; // thank-you, idle, tap guard (s)
let home = main.getAttribute('data-home');
let guardUntil = 0;
let busy = false;

// Offline queue ---------------------------------------------------------------------------------
// An entry is a whole submission: its id, the action URL (the collector), its fields (the
// language among them). It is deleted only when the server has acknowledged it, or refused it for
// good (a 4xx: a closed round will not open for a retry). A resend of an answer that did arrive
// carries the same id, and the server stores nothing new.
let QUEUE = 'aspa-queue';
function readQueue() {
	try {
		return JSON.parse(localStorage.getItem(QUEUE) || '[]');
	} catch {
		return [];
	}
}
function writeQueue(queue) {
	localStorage.setItem(QUEUE, JSON.stringify(queue));
}
function post(entry) {
	let body = new FormData();
	entry.fields.forEach((f) => { body.append(f[0], f[1]); });
	return fetch(entry.url, { method: 'POST', body: body, headers: { accept: 'application/json' }, credentials: 'same-origin' }).then((r) => {
		if (r.status >= 500 || r.status === 408 || r.status === 429) throw new Error('HTTP ' + r.status);
		return r.ok ? 'ack' : 'refused';
	});
}
let retryDelay = 5000;
let retryTimer = 0;
let flushing = false;
function flush() {
	let queue = readQueue();
	if (flushing || !queue.length) return;
	flushing = true;
	clearTimeout(retryTimer);
	let entry = queue[0];
	post(entry).then(
		() => {
			writeQueue(readQueue().filter((e) => e.id !== entry.id));
			flushing = false;
			retryDelay = 5000;
			flush();
		},
		() => {
			flushing = false;
			retryTimer = setTimeout(flush, retryDelay);
			retryDelay = Math.min(retryDelay * 2, 60000);
		}
	);
}
function uuid() {
	if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
	let b = crypto.getRandomValues(new Uint8Array(16));
	b[6] = (b[6] & 15) | 64;
	b[8] = (b[8] & 63) | 128;
	let h = Array.prototype.map.call(b, (x) => (x + 256).toString(16).slice(1)).join('');
	return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}

// Thank-you and reset ---------------------------------------------------------------------------
function clearForm(form) {
	$$(form, 'input,select,textarea').forEach((el) => {
		if (el.type === 'hidden') {
			if (el.hasAttribute('data-tap')) {
				el.value = '';
				el.disabled = true;
			}
		} else if (el.type === 'radio' || el.type === 'checkbox') el.checked = false;
		else if (el.tagName === 'SELECT') el.selectedIndex = 0;
		else el.value = '';
	});
	$$(form, '.bad').forEach(clearError);
}
function reset() {
	let summary = doc.querySelector('[data-summary]');
	if (summary) summary.remove();
	// The next customer's answer gets an id of its own, made here: the server may be away.
	let id = uuid();
	$$(doc, 'form[data-form]').forEach((form) => {
		clearForm(form);
		$$(form, 'input[name=submissionId]').forEach((el) => { el.value = id; });
		form.hidden = false;
		pulseStep(form, null);
		showIf(form);
	});
	let thanks = doc.getElementById('thanks');
	if (thanks) thanks.hidden = true;
	window.scrollTo(0, 0);
	main.focus();
	busy = false;
}
/** Back to a fresh page from the server when it answers; else start over in place. */
function restart(url, otherwise) {
	fetch(url, { method: 'HEAD' }).then((r) => {
		if (r.ok) location.replace(url);
		else otherwise();
	}, otherwise);
}
function thank(queued) {
	let thanks = doc.getElementById('thanks');
	$$(doc, 'form[data-form]').forEach((form) => { form.hidden = true; });
	thanks.querySelector('[data-queued]').hidden = !queued;
	thanks.hidden = false;
	thanks.focus();
	setTimeout(() => {
		if (queued) reset();
		else restart(home, reset);
	}, settings[0] * 1000);
}
function entryOf(form, submitter) {
	let fields = [];
	new FormData(form).forEach((value, name) => {
		if (typeof value === 'string') fields.push([name, value]);
	});
	if (submitter && submitter.name) fields.push([submitter.name, submitter.value]);
	let action = (submitter && submitter.getAttribute('formaction')) || form.getAttribute('action');
	let id = form.querySelector('input[name=submissionId]').value;
	return { id: id, url: new URL(action, location.href).href, fields: fields, at: Date.now() };
}
function send(form, submitter) {
	if (busy) return;
	busy = true;
	guardUntil = Date.now() + settings[2] * 1000;
	let entry = entryOf(form, submitter);
	post(entry).then(
		(result) => {
			if (result === 'ack') return thank(false);
			// Refused (bad input, a closed round): the server renders the page with its messages.
			form.setAttribute('data-native', '');
			form.submit();
		},
		() => {
			try {
				let queue = readQueue();
				if (!queue.some((e) => e.id === entry.id)) queue.push(entry);
				writeQueue(queue);
			} catch {
				busy = false;
				return;
			}
			thank(true);
			retryTimer = setTimeout(flush, retryDelay);
		}
	);
}

start({
	onSubmit: (form, submitter, event) => {
		let action = (submitter && submitter.getAttribute('formaction')) || form.getAttribute('action');
		if (!/\?\/submit$/.test(action)) return;
		event.preventDefault();
		send(form, submitter);
	}
});

// Idle reset: an abandoned pulse still counts its tap; any other half-filled form is cleared.
let idleTimer = 0;
function active() {
	clearTimeout(idleTimer);
	idleTimer = setTimeout(() => {
		let form = doc.getElementById('f');
		if (!form || form.hidden) return;
		let tap = doc.querySelector('#skip input[data-tap]');
		if (tap && !tap.disabled) send(doc.getElementById('skip'), null);
		else reset();
	}, settings[1] * 1000);
}
// The thank-you and privacy pages return to the start N seconds after the last touch.
let refresh = main.getAttribute('data-refresh');
let refreshTimer = 0;
function again() {
	let after = refresh.split(' ');
	clearTimeout(refreshTimer);
	refreshTimer = setTimeout(() => {
		restart(after[1], again);
	}, Number(after[0]) * 1000);
}
['pointerdown', 'keydown', 'input', 'change', 'scroll'].forEach((type) => {
	doc.addEventListener(type, refresh ? again : active, true);
});
if (refresh) again();
else active();
doc.addEventListener(
	'click',
	(e) => {
		// Taps right after a submit (a double tap, the next customer's first impatient tap) are dropped.
		if (Date.now() < guardUntil) {
			e.preventDefault();
			e.stopPropagation();
		}
	},
	true
);
doc.addEventListener(
	'pointerdown',
	function full() {
		doc.removeEventListener('pointerdown', full, true);
		let root = doc.documentElement;
		if (!doc.fullscreenElement && root.requestFullscreen) root.requestFullscreen().catch(() => {});
	},
	true
);
window.addEventListener('online', flush);
flush();
