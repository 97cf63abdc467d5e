import { expectRequestsMatchSpec } from '../../../contract/spec';
import { calls, rl, run, search, seedWorld, slug, startWorld } from './setup';
import type { Sim, World } from './setup';

describe('help center: portal, category, article', () => {
	let sim: Sim;
	let world: World;

	beforeAll(async () => {
		sim = await startWorld();
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => {
		world = seedWorld(sim);
	});

	const seedPortal = () => sim.seed.portal({ accountId: world.accountId, name: 'Acme Help', slug: 'acme', config: { allowed_locales: ['en', 'de'], default_locale: 'en' } });

	describe('portal', () => {
		it('creates a portal with locales, finds it by slug and updates it', async () => {
			const out = await run(world, 'portal', {
				operation: 'create',
				name: 'Acme Help',
				slug: 'acme',
				additionalFields: { color: '#1f93ff', allowedLocales: 'en, de', defaultLocale: 'en', headerText: 'How can we help?' },
			});
			expect(sim.db.portals[0]).toMatchObject({ name: 'Acme Help', slug: 'acme', color: '#1f93ff', header_text: 'How can we help?', config: { allowed_locales: ['en', 'de'], default_locale: 'en' } });
			expect(out[0].json).toMatchObject({ slug: 'acme', config: { default_locale: 'en' } });
			expect(calls(sim, 'POST')[0].body).toEqual({ name: 'Acme Help', slug: 'acme', color: '#1f93ff', header_text: 'How can we help?', config: { allowed_locales: ['en', 'de'], default_locale: 'en' } });

			expect((await search(world, 'searchPortals')).results).toEqual([{ name: 'Acme Help (acme)', value: 'acme' }]);
			const got = await run(world, 'portal', { operation: 'get', portalSlug: slug('acme'), options: {} });
			expect(got[0].json).toMatchObject({ name: 'Acme Help', meta: { all_articles_count: 0 } });
			await run(world, 'portal', { operation: 'update', portalSlug: { __rl: true, mode: 'url', value: 'https://app.chatwoot.com/app/accounts/1/portals/acme/en/articles' }, updateFields: { pageTitle: 'Acme Docs', archived: true } });
			expect(sim.db.portals[0]).toMatchObject({ page_title: 'Acme Docs', archived: true, config: { allowed_locales: ['en', 'de'] } });
			expect((await run(world, 'portal', { operation: 'getAll', returnAll: true })).map((o) => o.json.slug)).toEqual(['acme']);
			expectRequestsMatchSpec(sim.requests);
		});

		it("names a taken slug with Chatwoot's message", async () => {
			seedPortal();
			await expect(run(world, 'portal', { operation: 'create', name: 'Other', slug: 'acme', additionalFields: {} })).rejects.toThrow(/Slug has already been taken/);
		});

		it('turns the server error for an unknown slug into "not found", and deletes with its content', async () => {
			await expect(run(world, 'portal', { operation: 'get', portalSlug: slug('nope'), options: {} })).rejects.toThrow(/Portal "nope" was not found/);
			const portal = seedPortal();
			sim.seed.article({ portalId: portal.id, title: 'A', authorId: world.admin.id });
			await run(world, 'portal', { operation: 'delete', portalSlug: slug('acme') });
			expect(sim.db.portals).toHaveLength(0);
			expect(sim.db.articles).toHaveLength(0);
		});
	});

	describe('category', () => {
		it("creates a category with a slug from its name in the portal's default locale", async () => {
			const portal = seedPortal();
			const out = await run(world, 'category', { operation: 'create', portalSlug: slug('acme'), name: 'Billing & Plans', additionalFields: { description: 'Money' } });
			expect(sim.db.categories[0]).toMatchObject({ portal_id: portal.id, name: 'Billing & Plans', slug: 'billing-plans', locale: 'en', description: 'Money' });
			expect(out[0].json).toMatchObject({ name: 'Billing & Plans', slug: 'billing-plans', locale: 'en' });
			expectRequestsMatchSpec(sim.requests);
		});

		it("shows Chatwoot's message for a locale the portal doesn't have", async () => {
			seedPortal();
			await expect(run(world, 'category', { operation: 'create', portalSlug: slug('acme'), name: 'Preise', additionalFields: { locale: 'fr' } })).rejects.toThrow(/fr of category is not part of portal/);
		});

		it('lists by locale, gets, searches, updates and deletes', async () => {
			const portal = seedPortal();
			const en = sim.seed.category({ portalId: portal.id, name: 'Getting started', locale: 'en', position: 1 });
			sim.seed.category({ portalId: portal.id, name: 'Erste Schritte', locale: 'de', position: 2 });
			const list = await run(world, 'category', { operation: 'getAll', portalSlug: slug('acme'), returnAll: true, filters: { locale: 'en' } });
			expect(list.map((o) => o.json.name)).toEqual(['Getting started']);
			expect((await search(world, 'searchCategories', { portalSlug: slug('acme') })).results.map((r) => r.value)).toEqual([String(en.id), String(en.id + 1)]);
			expect((await run(world, 'category', { operation: 'get', portalSlug: slug('acme'), categoryId: rl(en.id) }))[0].json).toMatchObject({ id: en.id });
			await run(world, 'category', { operation: 'update', portalSlug: slug('acme'), categoryId: rl(en.id), updateFields: { name: 'Start here', position: 5 } });
			expect(sim.db.categories.find((c) => c.id === en.id)).toMatchObject({ name: 'Start here', position: 5 });
			await run(world, 'category', { operation: 'delete', portalSlug: slug('acme'), categoryId: rl(en.id) });
			expect(sim.db.categories.map((c) => c.id)).not.toContain(en.id);
			await expect(run(world, 'category', { operation: 'get', portalSlug: slug('acme'), categoryId: rl(en.id) })).rejects.toThrow(`Category ${en.id} was not found`);
			expectRequestsMatchSpec(sim.requests.filter((r) => r.status !== 404));
		});
	});

	describe('article', () => {
		it('publishes an article by the token user, with SEO fields', async () => {
			const portal = seedPortal();
			const cat = sim.seed.category({ portalId: portal.id, name: 'Billing', locale: 'de' });
			const out = await run(world, 'article', {
				operation: 'create',
				portalSlug: slug('acme'),
				title: 'Change your plan',
				content: '# Steps\n\nOpen **Billing**.',
				additionalFields: { status: 'published', categoryId: cat.id, metaTitle: 'Plans', metaTags: 'billing, plans' },
			});
			expect(sim.db.articles[0]).toMatchObject({
				title: 'Change your plan',
				content: '# Steps\n\nOpen **Billing**.',
				status: 'published',
				author_id: world.admin.id,
				category_id: cat.id,
				locale: 'de', // the category's locale
				meta: { title: 'Plans', tags: ['billing', 'plans'] },
			});
			expect(calls(sim, 'POST')[0].body).toMatchObject({ status: 1, author_id: world.admin.id });
			expect(out[0].json).toMatchObject({ title: 'Change your plan', status: 'published', author: { id: world.admin.id } });
			expectRequestsMatchSpec(sim.requests);
		});

		it('refuses to publish without content', async () => {
			seedPortal();
			await expect(run(world, 'article', { operation: 'create', portalSlug: slug('acme'), title: 'Empty', content: '', additionalFields: { status: 'published' } })).rejects.toThrow(/needs content/);
			expect(calls(sim)).toHaveLength(0);
		});

		it('lists with Return All across pages and filters, simplified with the public URL', async () => {
			const portal = seedPortal();
			for (let i = 0; i < 40; i++) {
				sim.seed.article({ portalId: portal.id, title: `Guide ${i}`, content: 'x', status: i % 3 === 0 ? 'draft' : 'published', authorId: world.admin.id });
			}
			sim.seed.article({ portalId: portal.id, title: 'Refund policy', content: 'Money back in 30 days', status: 'published', authorId: world.agent.id });
			const all = await run(world, 'article', { operation: 'getAll', portalSlug: slug('acme'), returnAll: true, filters: { status: 'published' }, simplify: true });
			expect(all).toHaveLength(27);
			expect(calls(sim).map((r) => r.query.page)).toEqual(['1', '2']);
			expect(all[0].json).toEqual({
				id: expect.any(Number),
				title: 'Refund policy',
				slug: expect.any(String),
				description: null,
				status: 'published',
				category: null,
				author: { id: world.agent.id, name: 'Alan Agent' },
				views: 0,
				updated_at: expect.any(Number),
				public_url: `${sim.url}/hc/acme/articles/${sim.db.articles[40].slug}`,
			});
			const found = await run(world, 'article', { operation: 'getAll', portalSlug: slug('acme'), returnAll: false, limit: 5, filters: { query: 'refund' }, simplify: false });
			expect(found.map((o) => o.json.title)).toEqual(['Refund policy']);
			expect(found[0].json.content).toBe('Money back in 30 days');
			expect((await search(world, 'searchArticles', { portalSlug: slug('acme') }, 'refund')).results).toEqual([{ name: 'Refund policy (published)', value: String(sim.db.articles[40].id) }]);
			expectRequestsMatchSpec(sim.requests);
		});

		it('update keeps the other SEO fields, archives, and deletes', async () => {
			const portal = seedPortal();
			const a = sim.seed.article({ portalId: portal.id, title: 'Old', content: 'x', authorId: world.admin.id });
			a.meta = { title: 'Old SEO', description: 'Keep me' };
			await run(world, 'article', { operation: 'update', portalSlug: slug('acme'), articleId: rl(a.id), updateFields: { metaTitle: 'New SEO', status: 'archived' } });
			expect(sim.db.articles[0]).toMatchObject({ status: 'archived', meta: { title: 'New SEO', description: 'Keep me' } });
			expect(calls(sim, 'PATCH')[0].body).toEqual({ status: 2, meta: { title: 'New SEO', description: 'Keep me' } });
			const got = await run(world, 'article', { operation: 'get', portalSlug: slug('acme'), articleId: rl(a.id), simplify: false });
			expect(got[0].json).toMatchObject({ id: a.id, status: 'archived' });
			await run(world, 'article', { operation: 'delete', portalSlug: slug('acme'), articleId: rl(a.id) });
			expect(sim.db.articles).toHaveLength(0);
			expectRequestsMatchSpec(sim.requests);
		});

		it('names an unknown portal', async () => {
			await expect(run(world, 'article', { operation: 'getAll', portalSlug: slug('ghost'), returnAll: true, filters: {} })).rejects.toThrow(/was not found/);
		});
	});
});
