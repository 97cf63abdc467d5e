'use strict';
// Help center: portals (addressed by slug), categories, articles (API-NOTES §1.9). Behaviour per Chatwoot f66b551c:
//   app/controllers/api/v1/accounts/{portals,categories,articles}_controller.rb,
//   app/models/{portal,category,article}.rb, app/policies/{portal,category,article}_policy.rb,
//   views app/views/api/v1/accounts/{portals,categories,articles}/*.json.jbuilder, app/views/api/v1/models/_portal_config.json.jbuilder.
const { ERR, HttpError, isBlank, present, toSec, clone } = require('./util');
const { reply, EMPTY } = require('./server');

const serverError = () => new HttpError(500, { status: 500, error: 'Internal Server Error' });
const STATUSES = ['draft', 'published', 'archived']; // Article enum status: { draft: 0, published: 1, archived: 2 }
const CONFIG_KEYS = ['allowed_locales', 'default_locale', 'draft_locales', 'website_token', 'social_profiles', 'layout', 'locale_translations'];

function register(router, env) {
	const { store, S } = env;
	const A = '/api/v1/accounts/:account_id';
	const ADMIN = { admin: true };
	const me = (ctx) => (ctx.auth.kind === 'user' ? ctx.auth.record : null);

	/** wrap_parameters: a flat JSON body is nested under the model name; `params.require(:x)` needs one of them. */
	const paramsFor = (ctx, root, keys) => {
		const src = ctx.body[root] && typeof ctx.body[root] === 'object' ? ctx.body[root] : ctx.body;
		const out = {};
		for (const k of keys) if (src[k] !== undefined) out[k] = clone(src[k]);
		return out;
	};
	const invalid = (errors) => {
		if (errors.length) throw ERR.invalid(errors.map((e) => e[1]), [...new Set(errors.map((e) => e[0]))]);
	};

	// ---- portals ----
	const allowedLocales = (p) => (p.config.allowed_locales && p.config.allowed_locales.length ? p.config.allowed_locales : [p.config.default_locale || 'en']);
	const articlesOf = (p) => store.db.articles.filter((a) => a.portal_id === p.id);
	const categoriesOf = (p) => store.db.categories.filter((c) => c.portal_id === p.id);
	/** _portal.json.jbuilder; `articles` is [] on index/create/update (meta counts then nil) and the portal's articles on show. */
	const portalJson = (p, articles, ctx) => {
		const out = {
			id: p.id,
			color: p.color,
			custom_domain: p.custom_domain,
			header_text: p.header_text,
			homepage_link: p.homepage_link,
			name: p.name,
			page_title: p.page_title,
			slug: p.slug,
			archived: p.archived,
			account_id: p.account_id,
			config: {
				allowed_locales: allowedLocales(p).map((code) => ({
					code,
					articles_count: articlesOf(p).filter((a) => a.locale === code).length,
					categories_count: categoriesOf(p).filter((c) => c.locale === code).length,
					draft: (p.config.draft_locales || []).includes(code),
				})),
				default_locale: p.config.default_locale,
				layout: p.config.layout || 'classic',
				social_profiles: p.config.social_profiles || {},
				locale_translations: p.config.locale_translations || {},
			},
		};
		const shown = articles !== null;
		const uid = me(ctx) ? me(ctx).id : null;
		out.meta = {
			all_articles_count: shown ? articles.length : 0,
			archived_articles_count: shown ? articles.filter((a) => a.status === 'archived').length : null,
			published_count: shown ? articles.filter((a) => a.status === 'published').length : null,
			draft_articles_count: shown ? articles.filter((a) => a.status === 'draft').length : null,
		};
		if (shown && articles.length && uid) out.meta.mine_articles_count = articles.filter((a) => a.author_id === uid).length;
		out.meta.categories_count = categoriesOf(p).length;
		out.meta.default_locale = p.config.default_locale;
		return out;
	};
	const portalOf = (ctx, slug = ctx.params.id) => store.db.portals.find((p) => p.account_id === ctx.auth.accountId && p.slug === String(slug));
	const PORTAL_KEYS = ['color', 'custom_domain', 'header_text', 'homepage_link', 'name', 'page_title', 'slug', 'archived', 'config'];
	const savePortal = (p, given) => {
		const errors = [];
		for (const k of ['custom_domain', 'homepage_link']) if (p[k] === '') p[k] = null;
		// Portal#normalize_config merges the given config into the stored one
		const config = { ...p.config, ...(given.config || {}) };
		const denied = Object.keys(config).filter((k) => !CONFIG_KEYS.includes(k));
		config.allowed_locales = [...new Set([].concat(config.allowed_locales || []).filter(present))];
		config.default_locale = config.default_locale || config.allowed_locales[0] || 'en';
		if (!config.allowed_locales.length) config.allowed_locales = [config.default_locale];
		config.draft_locales = config.draft_locales || [];
		if (isBlank(p.name)) errors.push(['name', "Name can't be blank"]);
		if (isBlank(p.slug)) errors.push(['slug', "Slug can't be blank"]);
		else if (store.db.portals.some((o) => o !== p && o.id !== p.id && o.slug === p.slug)) errors.push(['slug', 'Slug has already been taken']);
		if (p.custom_domain && store.db.portals.some((o) => o.id !== p.id && o.custom_domain === p.custom_domain)) errors.push(['custom_domain', 'Custom domain has already been taken']);
		if (present(p.color) && !/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(p.color)) errors.push(['color', 'Color is invalid']);
		if (denied.length) errors.push(['config', `Config in portal on ${denied.join(',')} is not supported.`]);
		if (config.draft_locales.includes(config.default_locale)) errors.push(['config', 'Config default locale cannot be drafted.']);
		invalid(errors);
		p.config = config;
	};
	router.add('GET', `${A}/portals`, (ctx) => {
		const list = store.db.portals.filter((p) => p.account_id === ctx.auth.accountId);
		return { payload: list.map((p) => portalJson(p, null, ctx)), meta: { current_page: Number(ctx.query.page) || 1, portals_count: list.length } };
	});
	router.add('POST', `${A}/portals`, (ctx) => {
		const given = paramsFor(ctx, 'portal', PORTAL_KEYS);
		const p = { account_id: ctx.auth.accountId, name: null, slug: null, color: null, custom_domain: null, header_text: null, homepage_link: null, page_title: null, archived: false, config: {} };
		for (const k of PORTAL_KEYS) if (k !== 'config' && given[k] !== undefined) p[k] = given[k];
		if (p.custom_domain) {
			// PortalsController#parsed_custom_domain keeps only the host of a URL
			try {
				const u = new URL(p.custom_domain);
				if (u.protocol === 'http:' || u.protocol === 'https:') p.custom_domain = u.host;
			} catch {
				// not a URL: kept as typed
			}
		}
		savePortal(p, given);
		p.created_at = p.updated_at = store.now();
		store.insert('portals', p);
		return portalJson(p, null, ctx);
	}, ADMIN);
	router.add('GET', `${A}/portals/:id`, (ctx) => {
		const p = portalOf(ctx);
		if (!p) throw serverError(); // find_by(slug:) → nil → `nil.articles` in #show
		const locale = ctx.query.locale;
		return portalJson(p, articlesOf(p).filter((a) => !locale || a.locale === locale), ctx);
	});
	router.add('PATCH', `${A}/portals/:id`, (ctx) => {
		const p = portalOf(ctx);
		if (!p) throw serverError();
		const given = paramsFor(ctx, 'portal', PORTAL_KEYS);
		const next = { ...p };
		for (const k of PORTAL_KEYS) if (k !== 'config' && given[k] !== undefined) next[k] = given[k];
		savePortal(next, given);
		Object.assign(p, next, { updated_at: store.now() });
		return portalJson(p, null, ctx);
	}, ADMIN);
	router.add('DELETE', `${A}/portals/:id`, (ctx) => {
		const p = portalOf(ctx);
		if (!p) throw serverError();
		for (const a of articlesOf(p)) store.remove('articles', a);
		for (const c of categoriesOf(p)) store.remove('categories', c);
		store.remove('portals', p);
		return reply(200, EMPTY);
	}, ADMIN);

	// ---- categories (`find_by!(slug: portal_id)` → 404 for an unknown portal; `find` → 404 for an unknown category) ----
	const portalOr404 = (ctx) => {
		const p = portalOf(ctx, ctx.params.portal_id);
		if (!p) throw ERR.notFound();
		return p;
	};
	const catBrief = (c) => ({ id: c.id, name: c.name, slug: c.slug, locale: c.locale, description: c.description, position: c.position, account_id: c.account_id });
	const categoryJson = (c, locale) => {
		const out = { ...catBrief(c), icon: c.icon, icon_color: c.icon_color, related_categories: [] };
		const parent = c.parent_category_id ? store.get('categories', c.parent_category_id) : null;
		if (parent) out.parent_category = catBrief(parent);
		out.meta = { articles_count: store.db.articles.filter((a) => a.category_id === c.id && (!locale || a.locale === locale)).length };
		return out;
	};
	const CATEGORY_KEYS = ['name', 'description', 'position', 'slug', 'locale', 'icon', 'icon_color', 'parent_category_id', 'associated_category_id'];
	const saveCategory = (p, c) => {
		const errors = [];
		if (isBlank(c.slug)) errors.push(['slug', "Slug can't be blank"]);
		if (isBlank(c.name)) errors.push(['name', "Name can't be blank"]);
		if (!allowedLocales(p).includes(c.locale)) errors.push(['locale', `Locale ${c.locale} of category is not part of portal's ${JSON.stringify(allowedLocales(p))}.`]);
		if (store.db.categories.some((o) => o.id !== c.id && o.portal_id === p.id && o.slug === c.slug && o.locale === c.locale)) {
			errors.push(['locale', 'Locale should be unique in the category and portal']);
		}
		invalid(errors);
	};
	const categoryOf = (ctx, p) => {
		const c = store.get('categories', ctx.params.id);
		if (!c || c.portal_id !== p.id) throw ERR.notFound();
		return c;
	};
	router.add('GET', `${A}/portals/:portal_id/categories`, (ctx) => {
		const p = portalOr404(ctx);
		const locale = ctx.query.locale;
		const page = Math.max(1, Number(ctx.query.page) || 1);
		const list = categoriesOf(p)
			.filter((c) => !locale || c.locale === locale)
			.sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.id - b.id)
			.slice((page - 1) * 25, page * 25);
		return { payload: list.map((c) => categoryJson(c, locale)), meta: { current_page: page, categories_count: list.length } };
	});
	router.add('POST', `${A}/portals/:portal_id/categories`, (ctx) => {
		const p = portalOr404(ctx);
		const given = paramsFor(ctx, 'category', CATEGORY_KEYS);
		const c = { account_id: p.account_id, portal_id: p.id, name: null, slug: null, locale: 'en', description: null, position: null, icon: null, icon_color: null, parent_category_id: null, ...given };
		saveCategory(p, c);
		c.created_at = c.updated_at = store.now();
		store.insert('categories', c);
		return { payload: categoryJson(c) };
	}, ADMIN);
	router.add('GET', `${A}/portals/:portal_id/categories/:id`, (ctx) => {
		const p = portalOr404(ctx);
		return { payload: categoryJson(categoryOf(ctx, p)) };
	}, ADMIN);
	router.add(['PATCH', 'PUT'], `${A}/portals/:portal_id/categories/:id`, (ctx) => {
		const p = portalOr404(ctx);
		const c = categoryOf(ctx, p);
		const next = { ...c, ...paramsFor(ctx, 'category', CATEGORY_KEYS) };
		saveCategory(p, next);
		Object.assign(c, next, { updated_at: store.now() });
		return { payload: categoryJson(c) };
	}, ADMIN);
	router.add('DELETE', `${A}/portals/:portal_id/categories/:id`, (ctx) => {
		const p = portalOr404(ctx);
		const c = categoryOf(ctx, p);
		for (const a of store.db.articles) if (a.category_id === c.id) a.category_id = null; // has_many :articles, dependent: :nullify
		store.remove('categories', c);
		return reply(200, EMPTY);
	}, ADMIN);

	// ---- articles ----
	const articleJson = (a) => {
		const category = a.category_id ? store.get('categories', a.category_id) : null;
		const author = store.user(a.author_id);
		const out = {
			id: a.id,
			slug: a.slug,
			title: a.title,
			content: a.content,
			description: a.description,
			status: a.status,
			position: a.position,
			account_id: a.account_id,
			updated_at: toSec(a.updated_at),
			meta: a.meta,
			category: { id: a.category_id, name: category ? category.name : null, slug: category ? category.slug : null, locale: category ? category.locale : null, icon: category ? category.icon : null, icon_color: category ? category.icon_color : null },
			views: a.views,
		};
		if (author) out.author = S.agent(author, a.account_id);
		out.associated_articles = [];
		return out;
	};
	const ARTICLE_KEYS = ['title', 'slug', 'position', 'content', 'description', 'category_id', 'author_id', 'associated_article_id', 'status', 'locale', 'meta'];
	const statusName = (v) => (typeof v === 'number' || /^\d+$/.test(String(v)) ? STATUSES[Number(v)] : v);
	const saveArticle = (p, a) => {
		if (a.status != null) {
			const name = statusName(a.status);
			if (!STATUSES.includes(name)) throw new HttpError(422, { error: `'${a.status}' is not a valid status` }); // enum ArgumentError
			a.status = name;
		}
		if (a.category_id != null && a.category_id !== '') a.category_id = Number(a.category_id);
		else a.category_id = null;
		if (a.author_id != null && a.author_id !== '') a.author_id = Number(a.author_id);
		const category = a.category_id ? store.get('categories', a.category_id) : null;
		if (!a.slug && present(a.title)) a.slug = `${Math.floor(store.now() / 1000)}-${String(a.title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
		a.locale = category ? category.locale : a.locale || p.config.default_locale; // ensure_locale_in_article
		const errors = [];
		const author = a.author_id ? store.user(a.author_id) : null;
		if (!author) errors.push(['author', 'Author must exist']);
		if (a.author_id == null) errors.push(['author_id', "Author can't be blank"]);
		if (isBlank(a.title)) errors.push(['title', "Title can't be blank"]);
		if (a.status === 'published' && isBlank(a.content)) errors.push(['content', "Content can't be blank"]);
		if (['search', 'articles', 'categories'].includes(a.slug)) errors.push(['slug', 'Slug is reserved']);
		invalid(errors);
	};
	const articleOf = (ctx, p) => {
		const a = store.get('articles', ctx.params.id);
		if (!a || a.portal_id !== p.id) throw ERR.notFound();
		return a;
	};
	router.add('GET', `${A}/portals/:portal_id/articles`, (ctx) => {
		const p = portalOr404(ctx);
		const q = ctx.query;
		const all = articlesOf(p);
		const match = (a, withStatusAndAuthor) => {
			const category = a.category_id ? store.get('categories', a.category_id) : null;
			if (present(q.category_slug) && (!category || category.slug !== q.category_slug)) return false;
			if (present(q.locale) && a.locale !== q.locale) return false;
			if (present(q.query)) {
				// pg_search prefix tsearch on title/description/content; approximated by a case-insensitive word-prefix match
				const words = String(q.query).toLowerCase().split(/\s+/).filter(Boolean);
				const text = `${a.title} ${a.description || ''} ${a.content || ''}`.toLowerCase();
				if (!words.every((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text))) return false;
			}
			if (withStatusAndAuthor) {
				if (present(q.status) && a.status !== statusName(q.status)) return false;
				if (present(q.author_id) && String(a.author_id) !== String(q.author_id)) return false;
			}
			return true;
		};
		const base = all.filter((a) => match(a, false));
		const uid = me(ctx) ? me(ctx).id : null;
		const filtered = all.filter((a) => match(a, true));
		filtered.sort(present(q.category_slug) ? (a, b) => a.position - b.position || a.id - b.id : (a, b) => b.updated_at - a.updated_at || b.id - a.id);
		const page = Math.max(1, Number(q.page) || 1);
		return {
			payload: filtered.slice((page - 1) * 25, page * 25).map(articleJson),
			meta: {
				all_articles_count: all.length,
				archived_articles_count: base.filter((a) => a.status === 'archived').length,
				articles_count: base.length,
				current_page: String(q.page || 1),
				draft_articles_count: base.filter((a) => a.status === 'draft').length,
				mine_articles_count: base.filter((a) => a.author_id === uid).length,
				published_count: base.filter((a) => a.status === 'published').length,
			},
		};
	});
	router.add('POST', `${A}/portals/:portal_id/articles`, (ctx) => {
		const p = portalOr404(ctx);
		const given = paramsFor(ctx, 'article', ARTICLE_KEYS);
		if (!Object.keys(given).length) throw ERR.unprocessable('param is missing or the value is empty: article');
		const a = { account_id: p.account_id, portal_id: p.id, title: null, slug: null, content: null, description: null, category_id: null, author_id: null, locale: null, meta: {}, views: 0, ...given };
		delete a.associated_article_id;
		if (a.status == null) a.status = 'draft';
		saveArticle(p, a);
		if (a.position == null) {
			const max = Math.max(0, ...store.db.articles.filter((o) => o.category_id === a.category_id && o.account_id === a.account_id).map((o) => o.position || 0));
			a.position = max ? max + 10 : 10;
		}
		a.created_at = a.updated_at = store.now();
		store.insert('articles', a);
		return { payload: articleJson(a) };
	}, ADMIN);
	router.add('GET', `${A}/portals/:portal_id/articles/:id`, (ctx) => {
		const p = portalOr404(ctx);
		return { payload: articleJson(articleOf(ctx, p)) };
	}, ADMIN);
	router.add(['PATCH', 'PUT'], `${A}/portals/:portal_id/articles/:id`, (ctx) => {
		const p = portalOr404(ctx);
		const a = articleOf(ctx, p);
		const given = paramsFor(ctx, 'article', ARTICLE_KEYS);
		delete given.associated_article_id;
		const next = { ...a, ...given };
		saveArticle(p, next);
		Object.assign(a, next, { updated_at: store.now() });
		return { payload: articleJson(a) };
	}, ADMIN);
	router.add('DELETE', `${A}/portals/:portal_id/articles/:id`, (ctx) => {
		const p = portalOr404(ctx);
		store.remove('articles', articleOf(ctx, p));
		return reply(200, EMPTY);
	}, ADMIN);
}

module.exports = { register };
