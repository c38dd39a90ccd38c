import type { Locale } from './org-types.ts';

/**
 * The account e-mails in the recipient's language (their stored locale, not the sender's).
 * Plain text: every mail client shows it, screen readers read it in order, and a link is a line
 * of its own so it survives line wrapping.
 */
export interface MailText {
	subject: string;
	text: string;
}

export interface InvitationMail {
	displayName: string;
	link: string;
	validDays: number;
}

export interface ResetMail {
	displayName: string;
	link: string;
	validMinutes: number;
}

const signature: Record<Locale, string> = {
	fi: 'Aspa – kirjastojen asiakaspalvelun mittaus ja kehittäminen',
	sv: 'Aspa – mätning och utveckling av bibliotekens kundservice',
	en: 'Aspa – measuring and developing library customer service'
};

export function invitationMail(locale: Locale, mail: InvitationMail): MailText {
	const body: Record<Locale, MailText> = {
		fi: {
			subject: 'Kutsu Aspaan',
			text: [
				`Hei ${mail.displayName},`,
				'',
				'sinut on kutsuttu Aspaan. Ota tunnuksesi käyttöön asettamalla salasana tästä linkistä:',
				'',
				mail.link,
				'',
				`Linkki on voimassa ${mail.validDays} päivää ja toimii kerran. Jos et odottanut tätä viestiä, voit jättää sen huomiotta.`
			].join('\n')
		},
		sv: {
			subject: 'Inbjudan till Aspa',
			text: [
				`Hej ${mail.displayName},`,
				'',
				'du har bjudits in till Aspa. Ta ditt konto i bruk genom att välja ett lösenord via den här länken:',
				'',
				mail.link,
				'',
				`Länken gäller i ${mail.validDays} dagar och kan användas en gång. Om du inte väntade dig det här meddelandet kan du lämna det utan åtgärd.`
			].join('\n')
		},
		en: {
			subject: 'Your invitation to Aspa',
			text: [
				`Hello ${mail.displayName},`,
				'',
				'you have been invited to Aspa. To start using your account, set a password with this link:',
				'',
				mail.link,
				'',
				`The link is valid for ${mail.validDays} days and works once. If you were not expecting this message, you can ignore it.`
			].join('\n')
		}
	};
	return withSignature(locale, body[locale]);
}

export function passwordResetMail(locale: Locale, mail: ResetMail): MailText {
	const body: Record<Locale, MailText> = {
		fi: {
			subject: 'Aspan salasanan vaihto',
			text: [
				`Hei ${mail.displayName},`,
				'',
				'joku (toivottavasti sinä) pyysi Aspan salasanasi vaihtamista. Aseta uusi salasana tästä linkistä:',
				'',
				mail.link,
				'',
				`Linkki on voimassa ${mail.validMinutes} minuuttia ja toimii kerran. Jos et pyytänyt vaihtoa, jätä viesti huomiotta: salasanasi ei muutu.`
			].join('\n')
		},
		sv: {
			subject: 'Byte av lösenord i Aspa',
			text: [
				`Hej ${mail.displayName},`,
				'',
				'någon (förhoppningsvis du) bad om att byta ditt lösenord i Aspa. Välj ett nytt lösenord via den här länken:',
				'',
				mail.link,
				'',
				`Länken gäller i ${mail.validMinutes} minuter och kan användas en gång. Om du inte bad om bytet kan du lämna meddelandet utan åtgärd: ditt lösenord ändras inte.`
			].join('\n')
		},
		en: {
			subject: 'Resetting your Aspa password',
			text: [
				`Hello ${mail.displayName},`,
				'',
				'someone (hopefully you) asked to reset your Aspa password. Set a new password with this link:',
				'',
				mail.link,
				'',
				`The link is valid for ${mail.validMinutes} minutes and works once. If you did not ask for this, ignore this message: your password stays as it is.`
			].join('\n')
		}
	};
	return withSignature(locale, body[locale]);
}

function withSignature(locale: Locale, mail: MailText): MailText {
	return { subject: mail.subject, text: `${mail.text}\n\n-- \n${signature[locale]}\n` };
}
