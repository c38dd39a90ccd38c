import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.ts';
import type { Condition } from './condition.ts';
import { newInstrument, newItem } from './test-builders.ts';
import { evaluateCondition, visibleAnswers } from './visibility.ts';

const answers: Answers = {
	age: { kind: 'single_choice', code: '15-29' },
	channels: { kind: 'multiple_choice', codes: ['web', 'chat'] },
	friendliness: { kind: 'rating', value: 'na' },
	tools: { kind: 'matrix', rows: { tablet: 3 } },
	grade: { kind: 'school_grade', value: 8 }
};

describe('evaluateCondition', () => {
	it.each<[Condition, boolean]>([
		[{ equals: ['age', '15-29'] }, true],
		[{ equals: ['age', '30-44'] }, false],
		[{ equals: ['channels', 'chat'] }, true],
		[{ in: ['channels', ['desk', 'phone']] }, false],
		[{ in: ['channels', ['desk', 'web']] }, true],
		[{ equals: ['friendliness', 'na'] }, true],
		[{ equals: ['tools.tablet', 3] }, true],
		[{ equals: ['tools.tablet', '3'] }, true],
		[{ answered: 'tools.computer' }, false],
		[{ answered: 'friendliness' }, true],
		[{ answered: 'nothing' }, false],
		[{ in: ['grade', [9, 10]] }, false],
		[{ not: { in: ['grade', [9, 10]] } }, true],
		[{ and: [{ answered: 'age' }, { equals: ['grade', 8] }] }, true],
		[{ and: [{ answered: 'age' }, { equals: ['grade', 9] }] }, false],
		[{ or: [{ equals: ['grade', 9] }, { equals: ['age', '15-29'] }] }, true]
	])('evaluates %j as %s', (condition, expected) => {
		expect(evaluateCondition(condition, answers)).toBe(expected);
	});
});

describe('visibleAnswers', () => {
	const instrument = newInstrument([
		newItem.singleChoice('uses_chat', ['yes', 'no']),
		newItem.rating('chat_quality', { showIf: { equals: ['uses_chat', 'yes'] } }),
		newItem.longText('chat_problems', { showIf: { in: ['chat_quality', [1, 2]] } })
	]);

	it('drops answers to hidden items', () => {
		const result = visibleAnswers(instrument, {
			uses_chat: { kind: 'single_choice', code: 'no' },
			chat_quality: { kind: 'rating', value: 1 }
		});
		expect(result.answers).toEqual({ uses_chat: { kind: 'single_choice', code: 'no' } });
		expect([...result.items]).toEqual(['uses_chat']);
	});

	it('hides an item whose condition depends on a hidden item, as the respondent saw it', () => {
		const result = visibleAnswers(instrument, {
			uses_chat: { kind: 'single_choice', code: 'no' },
			chat_quality: { kind: 'rating', value: 1 },
			chat_problems: { kind: 'long_text', text: 'Hidas' }
		});
		expect(result.items.has('chat_problems')).toBe(false);
	});

	it('shows the chain when the earlier answers open it', () => {
		const result = visibleAnswers(instrument, {
			uses_chat: { kind: 'single_choice', code: 'yes' },
			chat_quality: { kind: 'rating', value: 2 },
			chat_problems: { kind: 'long_text', text: 'Hidas' }
		});
		expect(Object.keys(result.answers)).toEqual(['uses_chat', 'chat_quality', 'chat_problems']);
	});

	it('does not mistake an unanswered item named like an object property for an answer', () => {
		const tricky = newInstrument([newItem.nps('constructor'), newItem.longText('why', { showIf: { answered: 'constructor' } })]);
		expect(visibleAnswers(tricky, { why: { kind: 'long_text', text: 'x' } }).items.has('why')).toBe(false);
	});

	it('hides every item of a hidden section', () => {
		const paged = newInstrument([], {
			sections: [
				{ id: 'first', title: { fi: '1' }, items: [newItem.singleChoice('staff', ['yes', 'no'])] },
				{ id: 'staff_only', title: { fi: '2' }, showIf: { equals: ['staff', 'yes'] }, items: [newItem.nps('n')] }
			]
		});
		const result = visibleAnswers(paged, { staff: { kind: 'single_choice', code: 'no' }, n: { kind: 'nps', value: 9 } });
		expect([...result.sections]).toEqual(['first']);
		expect(result.answers).toEqual({ staff: { kind: 'single_choice', code: 'no' } });
	});
});
