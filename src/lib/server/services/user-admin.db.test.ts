import { expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { newAdminUser, newOrgTree, newUser, sessionAlive } from '../../../test/account-builders.ts';
import { createSession } from '#lib/server/auth/session.ts';
import { grantRole } from './grant-role.ts';
import { revokeGrant } from './revoke-grant.ts';
import { setUserStatus } from './set-user-status.ts';
import { inviteUser } from './invite-user.ts';
import { listUsersFor } from './list-users.ts';
import { viewUser } from './view-user.ts';
import { resendInvitation } from './resend-invitation.ts';
import { viewAuditLog } from './view-audit-log.ts';
import { viewOutbox } from './view-outbox.ts';

describeDb('user administration', (env) => {
	async function coordinatorSetup() {
		const tree = await newOrgTree(env().db);
		const coordinator = await newUser(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: tree.networkId }]);
		return { tree, coordinator };
	}

	const grantsOf = async (userId: number) =>
		env().db.selectFrom('userGrant').select(['id', 'role', 'scopeType', 'scopeId']).where('userId', '=', userId).orderBy('id').execute();

	it('lets a coordinator give lower roles inside their network, with an audit event', async () => {
		const { tree, coordinator } = await coordinatorSetup();
		const target = await newUser(env().db);
		const { grantId } = await grantRole(env(), coordinator, { userId: target.id, role: 'director', scopeType: 'municipality', scopeId: tree.municipalityId });
		expect(await grantsOf(target.id)).toEqual([{ id: grantId, role: 'director', scopeType: 'municipality', scopeId: tree.municipalityId }]);
		const event = await env().db.selectFrom('auditEvent').selectAll().where('action', '=', 'grant.add').orderBy('id', 'desc').executeTakeFirstOrThrow();
		expect(event).toMatchObject({ actorUserId: coordinator.id, targetType: 'user', targetId: String(target.id) });
		expect(event.details).toEqual({ grantId, role: 'director', scopeType: 'municipality', scopeId: tree.municipalityId });
	});

	it('stops a coordinator from giving admin, coordinator, or anything outside their network', async () => {
		const { tree, coordinator } = await coordinatorSetup();
		const target = await newUser(env().db);
		await expect(grantRole(env(), coordinator, { userId: target.id, role: 'admin', scopeType: 'global', scopeId: null })).rejects.toMatchObject({
			code: 'grant_not_allowed'
		});
		await expect(grantRole(env(), coordinator, { userId: target.id, role: 'coordinator', scopeType: 'network', scopeId: tree.networkId })).rejects.toMatchObject({
			code: 'grant_not_allowed'
		});
		await expect(grantRole(env(), coordinator, { userId: target.id, role: 'staff', scopeType: 'library', scopeId: tree.outsideLibraryId })).rejects.toMatchObject({
			code: 'grant_not_allowed'
		});
		await expect(
			inviteUser(env(), coordinator, { email: `x-${Date.now()}@aspa.test`, displayName: 'X', locale: 'fi', role: 'staff', scopeType: 'library', scopeId: tree.outsideLibraryId })
		).rejects.toMatchObject({ code: 'grant_not_allowed' });
		expect(await grantsOf(target.id)).toEqual([]);
	});

	it('keeps admin global and other roles scoped', async () => {
		const admin = await newAdminUser(env().db);
		const tree = await newOrgTree(env().db);
		const target = await newUser(env().db);
		await expect(grantRole(env(), admin, { userId: target.id, role: 'admin', scopeType: 'library', scopeId: tree.libraryId })).rejects.toMatchObject({
			code: 'grant_admin_global_only'
		});
		await expect(grantRole(env(), admin, { userId: target.id, role: 'staff', scopeType: 'global', scopeId: null })).rejects.toMatchObject({
			code: 'grant_scope_required'
		});
	});

	it('refuses a grant the user holds already', async () => {
		const admin = await newAdminUser(env().db);
		const tree = await newOrgTree(env().db);
		const target = await newUser(env().db, [{ role: 'staff', scopeType: 'library', scopeId: tree.libraryId }]);
		await expect(grantRole(env(), admin, { userId: target.id, role: 'staff', scopeType: 'library', scopeId: tree.libraryId })).rejects.toMatchObject({
			code: 'grant_exists'
		});
	});

	it('lets a coordinator take back what they could give, and nothing else', async () => {
		const { tree, coordinator } = await coordinatorSetup();
		const target = await newUser(env().db, [
			{ role: 'staff', scopeType: 'library', scopeId: tree.libraryId },
			{ role: 'staff', scopeType: 'library', scopeId: tree.outsideLibraryId }
		]);
		const [inside, outside] = await grantsOf(target.id);
		await expect(revokeGrant(env(), coordinator, { grantId: outside!.id })).rejects.toMatchObject({ code: 'grant_not_allowed' });
		await revokeGrant(env(), coordinator, { grantId: inside!.id });
		expect((await grantsOf(target.id)).map((g) => g.id)).toEqual([outside!.id]);
		const event = await env().db.selectFrom('auditEvent').selectAll().where('action', '=', 'grant.revoke').orderBy('id', 'desc').executeTakeFirstOrThrow();
		expect(event).toMatchObject({ actorUserId: coordinator.id, targetId: String(target.id) });
	});

	it('never removes the last admin grant of an active account', async () => {
		// A database of its own would be cleaner; instead every other admin grant here is made inactive first.
		const admin = await newAdminUser(env().db);
		const others = await env().db
			.selectFrom('userGrant as g')
			.innerJoin('appUser as u', 'u.id', 'g.userId')
			.select('u.id')
			.where('g.role', '=', 'admin')
			.where('u.status', '=', 'active')
			.where('u.id', '!=', admin.id)
			.execute();
		for (const other of others) await setUserStatus(env(), admin, { userId: other.id, active: false });
		const [grant] = await grantsOf(admin.id);
		await expect(revokeGrant(env(), admin, { grantId: grant!.id })).rejects.toMatchObject({ code: 'last_admin' });

		const second = await newAdminUser(env().db);
		await revokeGrant(env(), second, { grantId: grant!.id });
		expect(await grantsOf(admin.id)).toEqual([]);
		const [secondGrant] = await grantsOf(second.id);
		await expect(revokeGrant(env(), second, { grantId: secondGrant!.id })).rejects.toMatchObject({ code: 'last_admin' });
	});

	it('deactivates an account, ending its sessions, and reactivates it with its grants', async () => {
		const admin = await newAdminUser(env().db);
		const tree = await newOrgTree(env().db);
		const target = await newUser(env().db, [{ role: 'staff', scopeType: 'library', scopeId: tree.libraryId }]);
		const session = await createSession(env().db, target.id, env().now());
		await setUserStatus(env(), admin, { userId: target.id, active: false });
		expect(await sessionAlive(env().db, session.token)).toBe(false);
		expect(await env().db.selectFrom('userSession').select('id').where('userId', '=', target.id).execute()).toEqual([]);
		await setUserStatus(env(), admin, { userId: target.id, active: true });
		const row = await env().db.selectFrom('appUser').select('status').where('id', '=', target.id).executeTakeFirstOrThrow();
		expect(row.status).toBe('active');
		expect(await grantsOf(target.id)).toHaveLength(1);
		const actions = (await env().db.selectFrom('auditEvent').select('action').where('targetId', '=', String(target.id)).orderBy('id').execute()).map((e) => e.action);
		expect(actions).toEqual(['user.deactivate', 'user.reactivate']);
	});

	it('stops an admin from deactivating themselves', async () => {
		const admin = await newAdminUser(env().db);
		await newAdminUser(env().db);
		await expect(setUserStatus(env(), admin, { userId: admin.id, active: false })).rejects.toMatchObject({ code: 'cannot_deactivate_self' });
	});

	it('lets a coordinator deactivate staff of their network but not a fellow coordinator', async () => {
		const { tree, coordinator } = await coordinatorSetup();
		const staff = await newUser(env().db, [{ role: 'staff', scopeType: 'library', scopeId: tree.libraryId }]);
		const fellow = await newUser(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: tree.networkId }]);
		await setUserStatus(env(), coordinator, { userId: staff.id, active: false });
		await expect(setUserStatus(env(), coordinator, { userId: fellow.id, active: false })).rejects.toMatchObject({ code: 'user_manage_not_allowed' });
	});

	it('shows a coordinator only the users of their network', async () => {
		const { tree, coordinator } = await coordinatorSetup();
		const inside = await newUser(env().db, [{ role: 'staff', scopeType: 'library', scopeId: tree.libraryId }]);
		const outside = await newUser(env().db, [{ role: 'staff', scopeType: 'library', scopeId: tree.outsideLibraryId }]);
		const listed = await listUsersFor(env(), coordinator, {});
		const ids = listed.users.map((u) => u.id);
		expect(ids).toContain(inside.id);
		expect(ids).toContain(coordinator.id);
		expect(ids).not.toContain(outside.id);
		expect(listed.canInvite).toBe(true);
		await expect(viewUser(env(), coordinator, outside.id)).rejects.toMatchObject({ code: 'user_not_found' });
		const view = await viewUser(env(), coordinator, inside.id);
		expect(view.grants.map((g) => g.revocable)).toEqual([true]);
		expect(view.canDeactivate).toBe(true);
	});

	it('filters users by role, scope, status and search', async () => {
		const admin = await newAdminUser(env().db);
		const tree = await newOrgTree(env().db);
		const staff = await newUser(env().db, [{ role: 'staff', scopeType: 'library', scopeId: tree.libraryId }]);
		await newUser(env().db, [{ role: 'director', scopeType: 'library', scopeId: tree.libraryId }], { status: 'deactivated' });
		const byScope = await listUsersFor(env(), admin, { scope: { scopeType: 'library', scopeId: tree.libraryId } });
		expect(byScope.total).toBe(2);
		const byRole = await listUsersFor(env(), admin, { role: 'staff', scope: { scopeType: 'library', scopeId: tree.libraryId } });
		expect(byRole.users.map((u) => u.id)).toEqual([staff.id]);
		const active = await listUsersFor(env(), admin, { status: 'active', scope: { scopeType: 'library', scopeId: tree.libraryId } });
		expect(active.users.map((u) => u.id)).toEqual([staff.id]);
		const search = await listUsersFor(env(), admin, { search: staff.email.toUpperCase() });
		expect(search.users.map((u) => u.id)).toEqual([staff.id]);
		expect((await listUsersFor(env(), admin, { search: '100%_' })).total).toBe(0);
	});

	it('keeps users, the audit log and the outbox from people without the right', async () => {
		const tree = await newOrgTree(env().db);
		const staff = await newUser(env().db, [{ role: 'staff', scopeType: 'library', scopeId: tree.libraryId }]);
		await expect(listUsersFor(env(), staff, {})).rejects.toMatchObject({ kind: 'forbidden' });
		await expect(viewAuditLog(env(), staff, {})).rejects.toMatchObject({ kind: 'forbidden' });
		await expect(viewOutbox(env(), staff, {})).rejects.toMatchObject({ kind: 'forbidden' });
		const { coordinator } = await coordinatorSetup();
		await expect(viewAuditLog(env(), coordinator, {})).rejects.toMatchObject({ kind: 'forbidden' });
	});

	it('resends an invitation, voiding the earlier link', async () => {
		const admin = await newAdminUser(env().db);
		const email = `again-${Date.now()}@aspa.test`;
		const { userId } = await inviteUser(env(), admin, { email, displayName: 'Uudestaan', locale: 'fi', role: 'admin', scopeType: 'global', scopeId: null });
		await resendInvitation(env(), admin, { userId });
		const tokens = await env().db.selectFrom('userToken').select(['usedAt']).where('userId', '=', userId).orderBy('createdAt').execute();
		expect(tokens.map((t) => t.usedAt === null)).toEqual([false, true]);
		expect((await viewOutbox(env(), admin, {})).mails.filter((mail) => mail.toAddress === email)).toHaveLength(2);
	});

	it('shows the audit log newest first, a page at a time, filtered by action, with target names', async () => {
		const admin = await newAdminUser(env().db);
		const tree = await newOrgTree(env().db);
		const target = await newUser(env().db);
		for (const role of ['staff', 'director', 'observer'] as const) {
			await grantRole(env(), admin, { userId: target.id, role, scopeType: 'library', scopeId: tree.libraryId });
		}
		const log = await viewAuditLog(env(), admin, { action: 'grant.add' });
		expect(log.events.every((e) => e.action === 'grant.add')).toBe(true);
		expect(log.events.slice(0, 3).map((e) => e.details.role)).toEqual(['observer', 'director', 'staff']);
		expect(log.events[0]).toMatchObject({ actorName: admin.displayName, targetName: target.displayName });
		expect(log.actions).toContain('grant.add');
		const page = await viewAuditLog(env(), admin, { before: log.events[0]!.id, action: 'grant.add' });
		expect(page.events[0]!.id).toBe(log.events[1]!.id);
	});
});
