/** Error-summary links: each form field's error points at the input of the same id. */
export const unitFieldIds: Record<string, string> = {
	key: 'key',
	kind: 'kind',
	nameFi: 'nameFi',
	nameSv: 'nameSv',
	isil: 'isil',
	kirkantaId: 'kirkantaId',
	sizeClass: 'sizeClass',
	municipality: 'municipality',
	validFrom: 'validFrom'
};
