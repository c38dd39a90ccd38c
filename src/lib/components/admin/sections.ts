import { m } from '#lib/paraglide/messages.js';

/** The three organisation sections: their list page (`/admin/<section>`), title and back link. */
export type OrgSection = 'networks' | 'municipalities' | 'libraries';

export const sectionTexts: Record<OrgSection, { title: () => string; back: () => string }> = {
	networks: { title: m.admin_networks_title, back: m.admin_back_to_networks },
	municipalities: { title: m.admin_municipalities_title, back: m.admin_back_to_municipalities },
	libraries: { title: m.admin_libraries_title, back: m.admin_back_to_libraries }
};
