// What every respondent form gets from its script (ADR 0013). Plain ES2019, no dependencies; Vite
// bundles it with one of the two entries (survey.js, kiosk.js) into a single minified file.
// Everything here enhances a server-rendered form that works without it:
// live show-if (data-if), an instant check of required answers (data-req), focus on the error
// summary, and the pulse's follow-up step in place.
export const doc = document;

export function $$(root, selector) {
	return Array.prototype.slice.call(root.querySelectorAll(selector));
}
function isHidden(el) {
	return !!el.closest('[hidden]');
}

// Show-if: the values an answer holds at a reference ('item' or 'item.facet'), from visible fields.
function values(form, ref) {
	let dot = ref.indexOf('.');
	let base = 'q.' + (dot < 0 ? ref : ref.slice(0, dot));
	let facet = dot < 0 ? '' : ref.slice(dot + 1);
	let out = [];
	$$(form, 'input,select,textarea').forEach((el) => {
		let name = el.name;
		if (el.disabled || (name !== base && name.indexOf(base + '.') !== 0) || isHidden(el)) return;
		let part = name === base ? '' : name.slice(base.length + 1);
		if (part === 'other') {
			if (el.value.trim()) out.push('other');
			return;
		}
		if (facet && part !== facet && part !== 'na') return;
		if (el.type === 'radio' || el.type === 'checkbox') {
			if (el.checked) out.push(part === 'na' ? 'na' : el.value);
		} else if (el.value.trim()) out.push(el.value.trim());
	});
	return out;
}
function any(found, wanted) {
	return found.some((value) => wanted.some((w) => String(w) === value));
}
function test(c, form) {
	if (c.equals) return any(values(form, c.equals[0]), [c.equals[1]]);
	if (c['in']) return any(values(form, c['in'][0]), c['in'][1]);
	if (c.answered) return values(form, c.answered).length > 0;
	if (c.not) return !test(c.not, form);
	if (c.and) return c.and.every((x) => test(x, form));
	if (c.or) return c.or.some((x) => test(x, form));
	return true;
}
export function showIf(form) {
	// Document order: a hidden item's answers no longer count for the items after it.
	$$(form, '[data-if]').forEach((el) => {
		el.hidden = !test(JSON.parse(el.getAttribute('data-if')), form);
	});
}

// Required answers: every radio group answered, text given, or the LibQUAL N/A box ticked.
function answered(box) {
	let groups = {};
	let na = false;
	$$(box, 'input,select,textarea').forEach((el) => {
		if (el.type === 'checkbox' && el.hasAttribute('data-na')) {
			na = na || el.checked;
			return;
		}
		let name = el.name.replace(/\.other$/, '');
		let given = el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value.trim() !== '';
		groups[name] = groups[name] || given;
	});
	return na || Object.keys(groups).every((name) => groups[name]);
}
export function clearError(box) {
	box.classList.remove('bad');
	$$(box, '.field-error').forEach((p) => { p.remove(); });
}
function check(form) {
	let missing = $$(form, '[data-req]').filter((box) => !isHidden(box) && !answered(box));
	let old = doc.querySelector('[data-summary]');
	if (old) old.remove();
	if (!missing.length) return true;
	let summary = doc.createElement('div');
	summary.className = 'error-summary';
	summary.tabIndex = -1;
	summary.setAttribute('data-summary', '');
	summary.setAttribute('aria-labelledby', 'error-summary-title');
	let h = doc.createElement('h2');
	h.id = 'error-summary-title';
	h.textContent = form.getAttribute('data-title-msg');
	let list = doc.createElement('ul');
	missing.forEach((box) => {
		let first = box.querySelector('input,select,textarea');
		let id = 'err-' + first.name;
		clearError(box);
		box.classList.add('bad');
		let p = doc.createElement('p');
		p.className = 'field-error';
		p.id = id;
		p.textContent = form.getAttribute('data-req-msg');
		let label = box.querySelector('legend,label');
		label.parentNode.insertBefore(p, label.nextSibling);
		(box.tagName === 'FIELDSET' ? box : first).setAttribute('aria-describedby', id);
		let a = doc.createElement('a');
		a.href = '#' + first.id;
		// As issue-messages.ts summaryText: "Staff are friendly: …", "How often …? …".
		let q = box.querySelector('.qt').textContent.trim();
		a.textContent = (/[?!]$/.test(q) ? q + ' ' : q.replace(/[.:]$/, '') + ': ') + p.textContent;
		let li = doc.createElement('li');
		li.appendChild(a);
		list.appendChild(li);
	});
	summary.appendChild(h);
	summary.appendChild(list);
	form.parentNode.insertBefore(summary, form);
	summary.focus();
	return false;
}

// The pulse: a tap shows the follow-up step in place (no round trip), or hides it again (reset).
export function pulseStep(form, tapButton) {
	let step1 = form.querySelector('[data-tap-step]');
	let step2 = form.querySelector('[data-step2]');
	if (!step1 || !step2) return;
	step1.hidden = !!tapButton;
	step2.hidden = !tapButton;
	if (!tapButton) return;
	$$(doc, 'input[data-tap]').forEach((el) => {
		el.value = tapButton.value;
		el.disabled = false;
	});
	showIf(form);
	step2.querySelector('h2').focus();
}

/**
 * Wires every respondent form. `onSubmit(form, submitter, event)` runs for a submit that passed
 * the check (kiosk mode sends it itself); `beacon`: send a tap alone when the page is left before
 * "Send" or "Skip" (a tap is a whole answer; the same submission id keeps it to one response).
 */
export function start(options) {
	let left = false;
	$$(doc, 'form[data-form]').forEach((form) => {
		showIf(form);
		form.addEventListener('change', (e) => {
			showIf(form);
			let box = e.target.closest('.bad');
			if (box && box.hasAttribute('data-req') && answered(box)) clearError(box);
		});
		form.addEventListener('input', () => {
			showIf(form);
		});
		form.addEventListener('click', (e) => {
			let button = e.target.closest('[data-tap-step] button');
			if (button && form.querySelector('[data-step2]')) {
				e.preventDefault();
				pulseStep(form, button);
			}
		});
		form.addEventListener('submit', (e) => {
			let submitter = e.submitter;
			if (form.hasAttribute('data-native')) return;
			// Leaving through one of our own forms (send, skip, language, save): no beacon.
			left = true;
			// Language buttons and "save for later" (formnovalidate) are never checked or intercepted.
			if (submitter && submitter.hasAttribute('formnovalidate')) return;
			if (!check(form)) {
				left = false;
				e.preventDefault();
				return;
			}
			if (options.onSubmit) options.onSubmit(form, submitter, e);
		});
	});
	doc.addEventListener('click', (e) => {
		// Summary links move focus to the field itself, not only the view.
		let a = e.target.closest('.error-summary a');
		let target = a && doc.getElementById(a.getAttribute('href').slice(1));
		if (!target) return;
		e.preventDefault();
		target.focus();
		(target.closest('fieldset,.q') || target).scrollIntoView();
	});
	if (options.beacon) {
		window.addEventListener('pagehide', () => {
			let skip = doc.getElementById('skip');
			let tap = skip && skip.querySelector('input[data-tap]');
			if (left || !tap || tap.disabled || !navigator.sendBeacon) return;
			left = true;
			navigator.sendBeacon(new URL(skip.getAttribute('action'), location.href).href, new FormData(skip));
		});
	}
	let summary = doc.querySelector('[data-summary]');
	if (summary) summary.focus();
}
