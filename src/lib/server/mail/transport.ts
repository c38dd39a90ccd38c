import nodemailer from 'nodemailer';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

/**
 * Sends one message. Without SMTP the sender is null and mail stays in the outbox for admins
 * (see services/send-mail.ts).
 */
export interface MailSender {
	readonly configured: boolean;
	send(message: MailMessage): Promise<void>;
	close(): void;
}

export function createMailSender(smtpUrl: string | undefined, from: string): MailSender {
	if (!smtpUrl) {
		return {
			configured: false,
			send: async () => {
				throw new Error('SMTP is not configured (SMTP_URL).');
			},
			close: () => {}
		};
	}
	const transport = nodemailer.createTransport(smtpUrl);
	return {
		configured: true,
		send: async (message) => {
			await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
		},
		close: () => transport.close()
	};
}
