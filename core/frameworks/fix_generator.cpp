// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/frameworks/fix_generator.h"

#include "core/cors/cors_engine.h"
#include "core/frameworks/config_parser.h"
#include "core/frameworks/server_model.h"
#include "core/frameworks/unified_diff.h"
#include "core/http/origin.h"

#include <QSet>

#include <algorithm>

namespace corsbench::frameworks {

using py::Value;
using K = py::Value::Kind;

namespace {

QLatin1String L(const char* s) { return QLatin1String(s); }

// ------------------------------------------------------------------------------------ needs

struct Needs {
    QString origin; // page origin
    QString method; // as the browser sends it
    QString path = QStringLiteral("/api/data");
    QStringList headers; // non-safelisted request header names, lower-case (browser ACRH)
    bool credentials = false; // credentials: "include"
    bool preflight = false;
    QStringList extraMethods; // other methods the same code must allow (FixRequest::extraMethods)
    /// The method plus the extra ones, without duplicates.
    QStringList methods() const
    {
        QStringList out { method };
        for (const QString& m : extraMethods) {
            if (!out.contains(m))
                out << m;
        }
        return out;
    }
};

Needs needsOf(const http::Exchange& ex)
{
    Needs n;
    n.origin = ex.pageOrigin;
    const QByteArray m = ex.request.method.toUpper();
    static const QSet<QByteArray> normalized = { "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT" };
    n.method = QString::fromUtf8(normalized.contains(m) ? m : ex.request.method);
    n.path = ex.request.url.path().isEmpty() ? QStringLiteral("/") : ex.request.url.path();
    n.credentials = ex.request.credentials == http::CredentialsMode::Include;
    const cors::PreflightPlan plan = cors::CorsEngine::planPreflight(ex);
    n.preflight = plan.required;
    if (const auto acrh = plan.request.headers.value("access-control-request-headers")) {
        for (const QByteArray& h : acrh->split(',')) {
            const QString t = QString::fromUtf8(h.trimmed());
            if (!t.isEmpty())
                n.headers << t;
        }
    }
    return n;
}

// Canonical spelling for the header names we write into configs.
QString headerDisplayName(const QString& lower)
{
    static const QHash<QString, QString> known = { { QStringLiteral("authorization"), QStringLiteral("Authorization") },
        { QStringLiteral("content-type"), QStringLiteral("Content-Type") } };
    if (known.contains(lower))
        return known.value(lower);
    QStringList parts = lower.split(QLatin1Char('-'));
    for (QString& p : parts) {
        if (!p.isEmpty())
            p[0] = p[0].toUpper();
    }
    return parts.join(QLatin1Char('-'));
}

// ------------------------------------------------------------------------------------ edits

struct Edit {
    qsizetype begin;
    qsizetype end;
    QString text;
};

struct Editor {
    QString source;
    QList<Edit> edits;
    QStringList changes; // human summary of each change

    void replace(qsizetype b, qsizetype e, const QString& t) { edits.append({ b, e, t }); }
    void insert(qsizetype at, const QString& t) { edits.append({ at, at, t }); }
    QString apply() const
    {
        QList<Edit> sorted = edits;
        std::stable_sort(sorted.begin(), sorted.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
        QString out = source;
        qsizetype lastBegin = out.size() + 1;
        for (const Edit& e : sorted) {
            if (e.end > lastBegin)
                continue; // overlapping edit: keep the later-positioned one
            out.replace(e.begin, e.end - e.begin, e.text);
            lastBegin = e.begin;
        }
        return out;
    }
};

QChar quoteStyle(const QString& source, const Value& seq)
{
    for (const Value& v : seq.items) {
        if (v.span.isValid() && v.span.begin < source.size()) {
            QChar c = source.at(v.span.begin);
            while ((c == QLatin1Char('r') || c == QLatin1Char('R')) && v.span.begin + 1 < source.size())
                c = source.at(v.span.begin + 1);
            if (c == QLatin1Char('\''))
                return c;
        }
    }
    return QLatin1Char('"');
}

QString pyString(const QString& s, QChar q = QLatin1Char('"'))
{
    QString out = py::quote(s);
    if (q == QLatin1Char('\'') && !s.contains(QLatin1Char('\'')) && !s.contains(QLatin1Char('"')))
        out = QLatin1Char('\'') + s + QLatin1Char('\'');
    return out;
}

QString renderSeq(const QStringList& items, bool tuple, QChar q = QLatin1Char('"'))
{
    QStringList parts;
    for (const QString& s : items)
        parts << pyString(s, q);
    if (tuple)
        return QLatin1Char('(') + parts.join(L(", ")) + (items.size() == 1 ? L(",)") : L(")"));
    return QLatin1Char('[') + parts.join(L(", ")) + QLatin1Char(']');
}

qsizetype openParenAfter(const QString& src, const Value& call)
{
    const qsizetype from = call.object ? call.object->span.end : call.span.begin;
    return src.indexOf(QLatin1Char('('), from);
}

qsizetype lastArgumentEnd(const QString& src, const Value& call)
{
    qsizetype end = -1;
    for (const Value& v : call.items)
        end = std::max(end, v.span.end);
    for (const py::SourceSpan& s : call.keywordSpans)
        end = std::max(end, s.end);
    if (end < 0)
        end = openParenAfter(src, call) + 1;
    return end;
}

QString lineIndentAt(const QString& src, qsizetype pos)
{
    qsizetype b = src.lastIndexOf(QLatin1Char('\n'), pos - 1) + 1;
    qsizetype e = b;
    while (e < src.size() && (src.at(e) == QLatin1Char(' ') || src.at(e) == QLatin1Char('\t')))
        ++e;
    return src.mid(b, e - b);
}

void insertKeyword(Editor& ed, const Value& call, const QString& name, const QString& valueText)
{
    const QString& src = ed.source;
    const qsizetype argEnd = lastArgumentEnd(src, call);
    const qsizetype close = call.span.end - 1;
    const QString tail = src.mid(argEnd, std::max<qsizetype>(0, close - argEnd));
    const bool noArgs = call.items.empty() && call.keywordNames.isEmpty();
    if (tail.contains(QLatin1Char('\n'))) {
        // Multi-line call: one argument per line, keep the trailing-comma style.
        const qsizetype lastArgStart = [&] {
            qsizetype s = -1;
            for (const Value& v : call.items)
                s = std::max(s, v.span.begin);
            for (const py::SourceSpan& sp : call.keywordSpans)
                s = std::max(s, sp.begin);
            return s;
        }();
        const QString indent = lastArgStart >= 0 ? lineIndentAt(src, lastArgStart) : lineIndentAt(src, call.span.begin) + L("    ");
        const qsizetype comma = tail.indexOf(QLatin1Char(','));
        if (comma >= 0 && tail.left(comma).trimmed().isEmpty())
            ed.insert(argEnd + comma + 1, QLatin1Char('\n') + indent + name + QLatin1Char('=') + valueText + QLatin1Char(','));
        else
            ed.insert(argEnd, (noArgs ? QString() : QStringLiteral(",")) + QLatin1Char('\n') + indent + name + QLatin1Char('=') + valueText + QLatin1Char(','));
        return;
    }
    ed.insert(argEnd, (noArgs ? QString() : QStringLiteral(", ")) + name + QLatin1Char('=') + valueText);
}

void setKeyword(Editor& ed, const Value& call, const QString& name, const QString& valueText)
{
    for (qsizetype i = 0; i < call.keywordNames.size(); ++i) {
        if (call.keywordNames.at(i) == name) {
            const Value& v = call.keywordValues[size_t(i)];
            ed.replace(v.span.begin, v.span.end, valueText);
            return;
        }
    }
    insertKeyword(ed, call, name, valueText);
}

/// Entries of an origin list that are meant as `origin` but can never match a browser's Origin
/// header: a trailing slash or path ("http://a:1/"), or other letter case ("HTTP://A:1").
QStringList deadVariantsOf(const QString& origin, const Value* listExpr, const py::Module& mod)
{
    QStringList out;
    if (!listExpr)
        return out;
    const Value v = mod.evaluate(*listExpr, listExpr->span.begin);
    for (const Value& it : v.items) {
        if (it.kind != K::Str || it.text == origin)
            continue;
        if (it.text.compare(origin, Qt::CaseInsensitive) == 0 || it.text.startsWith(origin + QLatin1Char('/'), Qt::CaseInsensitive))
            out << it.text;
    }
    return out;
}

/// Makes keyword `name` (a sequence of strings) contain `add` and not `remove`. Edits the list
/// literal where it is written (possibly an earlier `origins = [...]`), else replaces the argument.
/// Returns the resulting items.
QStringList editSequenceKeyword(Editor& ed, const py::Module& mod, const Value& call, const QString& name,
    const QStringList& add, const QStringList& remove, const QStringList& defaults, bool tupleDefault = false,
    bool caseInsensitive = false, QStringList* removedOut = nullptr)
{
    const Value* expr = call.keyword(name);
    QStringList items = defaults;
    bool tuple = tupleDefault;
    QChar q = QLatin1Char('"');
    std::optional<py::SourceSpan> literalSpan;
    if (expr) {
        const Value v = mod.evaluate(*expr, expr->span.begin);
        if (v.isSequence()) {
            items.clear();
            for (const Value& it : v.items)
                items << (it.kind == K::Str ? it.text : it.repr());
            tuple = v.kind == K::Tuple;
            q = quoteStyle(mod.source(), v);
            const QChar first = v.span.isValid() ? mod.source().at(v.span.begin) : QChar();
            if (!v.environmentDependent && (first == QLatin1Char('[') || first == QLatin1Char('(')))
                literalSpan = v.span;
        } else if (v.kind == K::Str) {
            items = { v.text };
        }
    }
    auto containsItem = [&](const QString& x) {
        for (const QString& i : items) {
            if (caseInsensitive ? i.compare(x, Qt::CaseInsensitive) == 0 : i == x)
                return true;
        }
        return false;
    };
    for (const QString& r : remove) {
        if (items.removeAll(r) > 0 && removedOut)
            removedOut->append(r);
    }
    for (const QString& a : add) {
        if (!containsItem(a))
            items << a;
    }
    const QString text = renderSeq(items, tuple, q);
    if (literalSpan)
        ed.replace(literalSpan->begin, literalSpan->end, text);
    else
        setKeyword(ed, call, name, text);
    return items;
}

// ------------------------------------------------------------------------------------ verification

struct Verification {
    bool allowed = false;
    QString text;
};

QString describeResponse(const http::HttpResponseHead& r)
{
    QStringList cors;
    for (const http::Header& h : r.headers) {
        if (isCorsResponseHeader(h.name))
            cors << QString::fromUtf8(h.name + ": " + h.value);
    }
    return QStringLiteral("%1%2").arg(r.status).arg(cors.isEmpty() ? QStringLiteral(" without CORS headers")
                                                                   : QStringLiteral(" (") + cors.join(L("; ")) + QLatin1Char(')'));
}

Verification verify(const QString& snippet, Framework fw, const http::Exchange& failing, const QString& version = {})
{
    Verification out;
    auto cfg = parseServerConfig(snippet, fw);
    if (!cfg) {
        out.text = QStringLiteral("the fixed snippet could not be parsed: %1").arg(cfg.error().message);
        return out;
    }
    const ServerModel model = ServerModel::fromConfig(cfg.value(), version);
    QList<bool> cookieCases = { false };
    if (failing.request.credentials == http::CredentialsMode::Include)
        cookieCases = { false, true };
    QStringList parts;
    bool allAllowed = true;
    for (bool cookie : cookieCases) {
        SimulationOptions opts;
        opts.sendCookie = cookie;
        const http::Exchange ex = simulateExchange(model, failing, opts);
        const cors::Verdict v = cors::CorsEngine().evaluate(ex);
        if (cookie && cookieCases.size() > 1 && v.allowed && allAllowed)
            continue; // same outcome as without a cookie: say it once
        QStringList p;
        if (ex.preflight)
            p << QStringLiteral("preflight now %1").arg(describeResponse(ex.preflight->response));
        if (!ex.actual.isEmpty())
            p << QStringLiteral("%1 %2 → %3").arg(QString::fromUtf8(ex.actual.last().request ? ex.actual.last().request->method : failing.request.method),
                failing.request.url.path(), describeResponse(ex.actual.last().response));
        if (v.allowed) {
            p << QStringLiteral("CORS check passes");
        } else {
            p << QStringLiteral("still blocked: %1").arg(v.error ? v.error->chromeMessage : QStringLiteral("blocked"));
            allAllowed = false;
        }
        QString line = p.join(L(", "));
        if (cookieCases.size() > 1)
            line = (cookie ? QStringLiteral("with a cookie: ") : QStringLiteral("without a cookie: ")) + line;
        parts << line;
    }
    out.allowed = allAllowed;
    out.text = QStringLiteral("simulated %1 %2: %3")
                   .arg(displayName(fw), model.effectiveVersion(), parts.join(L("; ")));
    return out;
}

// ------------------------------------------------------------------------------------ examples

QString fastapiExample(const Needs& n, const QString& cause)
{
    QStringList methods = { QStringLiteral("GET") };
    for (const QString& m : n.methods()) {
        if (!methods.contains(m))
            methods << m;
    }
    QStringList headers;
    for (const QString& h : n.headers)
        headers << headerDisplayName(h);
    const QString route = QStringLiteral("@app.%1(%2)\ndef endpoint():\n    return {\"ok\": True}\n")
                              .arg(n.method.toLower() == L("options") ? QStringLiteral("options") : n.method.toLower(), pyString(n.path));
    QString args = QStringLiteral("    allow_origins=%1,  # exact origins: scheme, host and port, no trailing slash\n").arg(renderSeq({ n.origin }, false));
    args += QStringLiteral("    allow_methods=%1,\n").arg(renderSeq(methods, false));
    if (!headers.isEmpty())
        args += QStringLiteral("    allow_headers=%1,\n").arg(renderSeq(headers, false));
    if (n.credentials)
        args += QStringLiteral("    allow_credentials=True,\n");
    if (cause == L("private-network-access"))
        args += QStringLiteral("    allow_private_network=True,  # Starlette >= 0.51\n");
    QString s = QStringLiteral("from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\n\n");
    if (cause == L("error-response-without-cors")) {
        s += route;
        s += QStringLiteral("\n\n# Wrap the whole app so that even 500s from unhandled exceptions carry CORS headers\n"
                            "# (add_middleware() sits inside ServerErrorMiddleware and never sees them).\n"
                            "app = CORSMiddleware(\n    app,\n%1)\n")
                 .arg(args);
        return s;
    }
    s += QStringLiteral("app.add_middleware(\n    CORSMiddleware,\n%1)\n\n\n").arg(args);
    s += route;
    return s;
}

QString aiohttpExample(const Needs& n)
{
    QStringList opts;
    if (n.credentials)
        opts << QStringLiteral("allow_credentials=True");
    if (!n.headers.isEmpty()) {
        QStringList headers;
        for (const QString& h : n.headers)
            headers << headerDisplayName(h);
        opts << QStringLiteral("allow_headers=%1").arg(renderSeq(headers, true));
    }
    QString s = QStringLiteral("import aiohttp_cors\nfrom aiohttp import web\n\n\nasync def endpoint(request):\n    return web.json_response({\"ok\": True})\n\n\n"
                               "app = web.Application()\napp.router.add_route(%1, %2, endpoint)\n\n"
                               "cors = aiohttp_cors.setup(app, defaults={\n    %3: aiohttp_cors.ResourceOptions(%4),\n})\n"
                               "# After ALL routes are registered: routes added later get no CORS handling.\n"
                               "for route in list(app.router.routes()):\n    cors.add(route)\n\n"
                               "if __name__ == \"__main__\":\n    web.run_app(app, host=\"127.0.0.1\", port=8000)\n")
                    .arg(pyString(n.method), pyString(n.path), pyString(n.origin), opts.join(L(", ")));
    return s;
}

QString flaskExample(const Needs& n)
{
    QStringList args = { QStringLiteral("origins=%1").arg(renderSeq({ n.origin }, false)) };
    if (n.credentials)
        args << QStringLiteral("supports_credentials=True");
    QString s = QStringLiteral("from flask import Flask, jsonify\nfrom flask_cors import CORS\n\napp = Flask(__name__)\nCORS(app, %1)\n\n\n"
                               "@app.route(%2, methods=%3, strict_slashes=False)\ndef endpoint():\n    return jsonify(ok=True)\n\n\n"
                               "if __name__ == \"__main__\":\n    app.run(host=\"127.0.0.1\", port=8000)\n")
                    .arg(args.join(L(", ")), pyString(n.path), renderSeq({ n.method }, false));
    return s;
}

// ------------------------------------------------------------------------------------ snippet edits

const py::CallSite* callAt(const py::Module& mod, const py::SourceSpan& span)
{
    for (const py::CallSite& cs : mod.calls()) {
        if (cs.call.span.begin == span.begin && cs.call.span.end == span.end)
            return &cs;
    }
    return nullptr;
}

qsizetype endOfLine(const QString& src, qsizetype pos)
{
    qsizetype e = src.indexOf(QLatin1Char('\n'), pos);
    return e < 0 ? src.size() : e + 1;
}

qsizetype startOfLine(const QString& src, qsizetype pos) { return src.lastIndexOf(QLatin1Char('\n'), pos - 1) + 1; }

// Where to add a statement after the app is created (or at the end).
qsizetype afterAppCreation(const py::Module& mod, const ServerConfig& cfg)
{
    for (const py::Binding& b : mod.bindings()) {
        if (b.target == cfg.appName && b.value.kind == K::Call)
            return endOfLine(mod.source(), b.statementSpan.end);
    }
    return mod.source().size();
}

QString ensureTrailingNewline(QString s)
{
    if (!s.isEmpty() && !s.endsWith(QLatin1Char('\n')))
        s += QLatin1Char('\n');
    return s;
}

struct EditResult {
    bool applicable = false;
    QString fixed;
    QString title;
    QString why; // when not applicable
    bool developmentOnly = false;
};

EditResult editFastApi(const py::Module& mod, const ServerConfig& cfg, const QString& cause, const Needs& n)
{
    EditResult r;
    Editor ed { mod.source(), {}, {} };
    const py::CallSite* cs = cfg.middlewarePresent ? callAt(mod, cfg.middlewareSpan) : nullptr;
    const bool wantsCreds = n.credentials || cfg.starlette.allowCredentials;
    QStringList replacedOrigins;
    auto ensureOrigin = [&](const Value& call) {
        QStringList remove = deadVariantsOf(n.origin, call.keyword(u"allow_origins"), mod);
        if (wantsCreds)
            remove << QStringLiteral("*");
        editSequenceKeyword(ed, mod, call, QStringLiteral("allow_origins"), { n.origin }, remove, {}, false, false, &replacedOrigins);
        replacedOrigins.removeAll(QStringLiteral("*"));
    };
    if (!cs || cause == L("middleware-missing")) {
        if (cs) {
            r.why = QStringLiteral("CORSMiddleware is already configured");
        }
        QStringList methods = { QStringLiteral("GET") };
        for (const QString& m : n.methods()) {
            if (!methods.contains(m))
                methods << m;
        }
        QString block = QStringLiteral("\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=%1,\n    allow_methods=%2,\n")
                            .arg(renderSeq({ n.origin }, false), renderSeq(methods, false));
        block.replace(QLatin1String("app.add_middleware"), cfg.appName + QLatin1String(".add_middleware"));
        if (!n.headers.isEmpty()) {
            QStringList hs;
            for (const QString& h : n.headers)
                hs << headerDisplayName(h);
            block += QStringLiteral("    allow_headers=%1,\n").arg(renderSeq(hs, false));
        }
        if (n.credentials)
            block += QStringLiteral("    allow_credentials=True,\n");
        block += QStringLiteral(")\n");
        ed.insert(afterAppCreation(mod, cfg), block);
        if (!mod.source().contains(L("import CORSMiddleware")))
            ed.insert(0, QStringLiteral("from fastapi.middleware.cors import CORSMiddleware\n"));
        r.applicable = true;
        r.title = QStringLiteral("Add CORSMiddleware allowing %1").arg(n.origin);
        r.fixed = ensureTrailingNewline(ed.apply());
        return r;
    }
    const Value& call = cs->call;
    if (cause == L("origin-not-allowed") || cause == L("credentials-with-wildcard")) {
        ensureOrigin(call);
        r.title = cause == L("origin-not-allowed") ? QStringLiteral("Add %1 to allow_origins").arg(n.origin)
                                                   : QStringLiteral("Replace \"*\" in allow_origins by the explicit origin %1").arg(n.origin);
        if (cause == L("origin-not-allowed") && !replacedOrigins.isEmpty())
            r.title = QStringLiteral("Replace %1 by %2 in allow_origins (an Origin header has no trailing slash or path, and is lower case)")
                          .arg(renderSeq(replacedOrigins, false).mid(1).chopped(1), n.origin);
    } else if (cause == L("methods-default")) {
        const bool given = call.keyword(u"allow_methods") != nullptr;
        editSequenceKeyword(ed, mod, call, QStringLiteral("allow_methods"), n.methods(), {}, { QStringLiteral("GET") });
        r.title = QStringLiteral("Add %1 to allow_methods%2").arg(n.methods().join(L(", ")), given ? QString() : QStringLiteral(" (the default is only GET)"));
    } else if (cause == L("header-not-allowed") || cause == L("authorization-not-allowed")) {
        QStringList hs;
        for (const QString& h : n.headers)
            hs << headerDisplayName(h);
        if (cause == L("authorization-not-allowed") && !hs.contains(L("Authorization")))
            hs << QStringLiteral("Authorization");
        editSequenceKeyword(ed, mod, call, QStringLiteral("allow_headers"), hs, {}, {}, false, true);
        r.title = QStringLiteral("Allow the request header%1 %2 in allow_headers").arg(hs.size() > 1 ? QStringLiteral("s") : QString(), hs.join(L(", ")));
    } else if (cause == L("credentials-mode-mismatch")) {
        setKeyword(ed, call, QStringLiteral("allow_credentials"), QStringLiteral("True"));
        ensureOrigin(call);
        r.title = QStringLiteral("Set allow_credentials=True (with the explicit origin %1)").arg(n.origin);
    } else if (cause == L("private-network-access")) {
        setKeyword(ed, call, QStringLiteral("allow_private_network"), QStringLiteral("True"));
        ensureOrigin(call);
        r.title = QStringLiteral("Set allow_private_network=True (needs Starlette >= 0.51; older versions never send Access-Control-Allow-Private-Network)");
    } else if (cause == L("error-response-without-cors")) {
        if (cfg.placement == ServerConfig::Placement::Wrapped) {
            r.why = QStringLiteral("the app is already wrapped in CORSMiddleware");
            return r;
        }
        // Move the middleware outside ServerErrorMiddleware: wrap the finished app.
        const QString args = mod.source().mid(call.items.empty() ? openParenAfter(mod.source(), call) + 1 : call.items.front().span.end,
            call.span.end - 1 - (call.items.empty() ? openParenAfter(mod.source(), call) + 1 : call.items.front().span.end));
        if (cfg.placement == ServerConfig::Placement::AddMiddleware) {
            const qsizetype b = startOfLine(mod.source(), call.span.begin);
            ed.replace(b, endOfLine(mod.source(), call.span.end), QString());
        } else {
            r.why = QStringLiteral("middleware passed to the constructor; move it out by hand");
            return r;
        }
        QString tail = ensureTrailingNewline(mod.source()).endsWith(L("\n\n")) ? QString() : QStringLiteral("\n");
        tail += QStringLiteral("\n# Wrapped last so that 500s from unhandled exceptions also carry CORS headers.\n%1 = CORSMiddleware(%1%2)\n")
                    .arg(cfg.appName, args.trimmed().startsWith(QLatin1Char(',')) ? args.trimmed() : QStringLiteral(", ") + args.trimmed());
        ed.source = ensureTrailingNewline(ed.source);
        ed.insert(ed.source.size(), tail);
        r.title = QStringLiteral("Wrap the finished app in CORSMiddleware so error responses carry CORS headers");
    } else if (cause == L("preflight-redirect-trailing-slash")) {
        // Declare the path the client calls too, so nothing redirects.
        const QString alt = n.path.endsWith(QLatin1Char('/')) ? n.path.chopped(1) : n.path + QLatin1Char('/');
        bool done = false;
        for (const py::FunctionDef& f : mod.functions()) {
            for (const Value& d : f.decorators) {
                const Value* p = d.argument(0);
                if (d.kind == K::Call && p && p->kind == K::Str && p->text == alt) {
                    const qsizetype b = startOfLine(mod.source(), d.span.begin);
                    const QString line = mod.source().mid(b, endOfLine(mod.source(), d.span.end) - b);
                    QString dup = line;
                    dup.replace(p->span.begin - b, p->span.end - p->span.begin, pyString(n.path));
                    ed.insert(b, ensureTrailingNewline(dup));
                    done = true;
                    break;
                }
            }
            if (done)
                break;
        }
        if (!done) {
            r.why = QStringLiteral("no route declared as %1 in the snippet").arg(alt);
            return r;
        }
        r.title = QStringLiteral("Also serve %1 (no trailing-slash redirect)").arg(n.path);
    } else {
        ensureOrigin(call);
        if (n.preflight && n.method != L("GET") && n.method != L("HEAD") && n.method != L("POST"))
            editSequenceKeyword(ed, mod, call, QStringLiteral("allow_methods"), { n.method }, {}, { QStringLiteral("GET") });
        r.title = QStringLiteral("Allow %1 %2 in CORSMiddleware").arg(n.origin, n.method);
    }
    r.applicable = true;
    r.fixed = ed.apply();
    return r;
}

const Value* evaluatedDefaults(const py::Module& mod, const Value& setupCall, Value* storage)
{
    const Value* d = setupCall.keyword(u"defaults");
    if (!d)
        return nullptr;
    *storage = mod.evaluate(*d, setupCall.span.begin);
    return storage->kind == K::Dict ? storage : nullptr;
}

EditResult editAiohttp(const py::Module& mod, const ServerConfig& cfg, const QString& cause, const Needs& n)
{
    EditResult r;
    Editor ed { mod.source(), {}, {} };
    const py::CallSite* cs = cfg.middlewarePresent ? callAt(mod, cfg.middlewareSpan) : nullptr;
    QStringList optionArgs;
    if (n.credentials)
        optionArgs << QStringLiteral("allow_credentials=True");
    if (!n.headers.isEmpty()) {
        QStringList hs;
        for (const QString& h : n.headers)
            hs << headerDisplayName(h);
        optionArgs << QStringLiteral("allow_headers=%1").arg(renderSeq(hs, true));
    }
    const QString newOptions = QStringLiteral("aiohttp_cors.ResourceOptions(%1)").arg(optionArgs.join(L(", ")));
    if (!cs || cause == L("middleware-missing")) {
        QString block = QStringLiteral("\ncors = aiohttp_cors.setup(%1, defaults={\n    %2: %3,\n})\n"
                                       "for route in list(%1.router.routes()):\n    cors.add(route)\n")
                            .arg(cfg.appName, pyString(n.origin), newOptions);
        const qsizetype runApp = mod.source().indexOf(L("web.run_app("));
        if (runApp >= 0)
            ed.insert(startOfLine(mod.source(), runApp), block.mid(1) + QLatin1Char('\n'));
        else {
            ed.source = ensureTrailingNewline(ed.source);
            ed.insert(ed.source.size(), block);
        }
        if (!mod.source().contains(L("import aiohttp_cors")))
            ed.insert(0, QStringLiteral("import aiohttp_cors\n"));
        r.applicable = true;
        r.title = QStringLiteral("Set up aiohttp_cors for %1 and add every route").arg(n.origin);
        r.fixed = ensureTrailingNewline(ed.apply());
        return r;
    }
    Value defaultsStorage;
    const Value* defaults = evaluatedDefaults(mod, cs->call, &defaultsStorage);
    // Entry for the page origin, else the "*" entry.
    const Value* entry = nullptr;
    const Value* entryKey = nullptr;
    if (defaults) {
        for (size_t i = 0; i < defaults->keys.size(); ++i) {
            if (defaults->keys[i].kind == K::Str && defaults->keys[i].text == n.origin) {
                entry = &defaults->items[i];
                entryKey = &defaults->keys[i];
            }
        }
        if (!entry) {
            for (size_t i = 0; i < defaults->keys.size(); ++i) {
                if (defaults->keys[i].kind == K::Str && defaults->keys[i].text == L("*")) {
                    entry = &defaults->items[i];
                    entryKey = &defaults->keys[i];
                }
            }
        }
    }
    auto addOriginEntry = [&]() {
        // Copy the options of the first entry (same policy for one more origin).
        QString options = newOptions;
        if (defaults && !defaults->items.empty() && defaults->items.front().span.isValid())
            options = mod.source().mid(defaults->items.front().span.begin, defaults->items.front().span.end - defaults->items.front().span.begin);
        if (!defaults) {
            setKeyword(ed, cs->call, QStringLiteral("defaults"), QStringLiteral("{%1: %2}").arg(pyString(n.origin), options));
            return;
        }
        if (defaults->items.empty()) {
            ed.replace(defaults->span.begin, defaults->span.end, QStringLiteral("{%1: %2}").arg(pyString(n.origin), options));
            return;
        }
        const Value& last = defaults->items.back();
        const QString between = mod.source().mid(last.span.end, defaults->span.end - 1 - last.span.end);
        if (between.contains(QLatin1Char('\n'))) {
            const QString indent = lineIndentAt(mod.source(), defaults->keys.back().span.begin);
            const qsizetype comma = between.indexOf(QLatin1Char(','));
            if (comma >= 0)
                ed.insert(last.span.end + comma + 1, QStringLiteral("\n%1%2: %3,").arg(indent, pyString(n.origin), options));
            else
                ed.insert(last.span.end, QStringLiteral(",\n%1%2: %3,").arg(indent, pyString(n.origin), options));
        } else {
            ed.insert(last.span.end, QStringLiteral(", %1: %2").arg(pyString(n.origin), options));
        }
    };
    auto withEntryCall = [&](auto&& fn) -> bool {
        if (entry && entry->kind == K::Call) {
            fn(*entry);
            return true;
        }
        return false;
    };
    if (cause == L("origin-not-allowed")) {
        if (entry && entryKey && entryKey->text == n.origin) {
            r.why = QStringLiteral("%1 is already a key of the defaults").arg(n.origin);
            return r;
        }
        addOriginEntry();
        r.title = QStringLiteral("Add %1 to the aiohttp_cors defaults (keys are exact origins)").arg(n.origin);
    } else if (cause == L("credentials-with-wildcard")) {
        if (entryKey && entryKey->text == L("*"))
            ed.replace(entryKey->span.begin, entryKey->span.end, pyString(n.origin));
        else
            addOriginEntry();
        r.title = QStringLiteral("Use the explicit origin %1 instead of the \"*\" key").arg(n.origin);
    } else if (cause == L("header-not-allowed") || cause == L("authorization-not-allowed")) {
        QStringList hs;
        for (const QString& h : n.headers)
            hs << headerDisplayName(h);
        if (cause == L("authorization-not-allowed") && !hs.contains(L("Authorization")))
            hs << QStringLiteral("Authorization");
        if (!withEntryCall([&](const Value& c) {
                const Value* ah = c.keyword(u"allow_headers");
                if (ah && ah->kind == K::Str && ah->text == L("*"))
                    return;
                editSequenceKeyword(ed, mod, c, QStringLiteral("allow_headers"), hs, {}, {}, true, true);
            })) {
            r.why = QStringLiteral("no ResourceOptions(...) entry for %1 to edit").arg(n.origin);
            return r;
        }
        r.title = QStringLiteral("Allow %1 in allow_headers (aiohttp_cors does not imply Content-Type)").arg(hs.join(L(", ")));
    } else if (cause == L("methods-default")) {
        if (!withEntryCall([&](const Value& c) { editSequenceKeyword(ed, mod, c, QStringLiteral("allow_methods"), n.methods(), {}, {}); })) {
            r.why = QStringLiteral("no ResourceOptions(...) entry for %1 to edit").arg(n.origin);
            return r;
        }
        r.title = QStringLiteral("Add %1 to allow_methods").arg(n.methods().join(L(", ")));
    } else if (cause == L("credentials-mode-mismatch")) {
        if (!withEntryCall([&](const Value& c) { setKeyword(ed, c, QStringLiteral("allow_credentials"), QStringLiteral("True")); })) {
            r.why = QStringLiteral("no ResourceOptions(...) entry for %1 to edit").arg(n.origin);
            return r;
        }
        if (entryKey && entryKey->text == L("*"))
            ed.replace(entryKey->span.begin, entryKey->span.end, pyString(n.origin));
        r.title = QStringLiteral("Set allow_credentials=True for %1").arg(n.origin);
    } else if (cause == L("aiohttp-route-not-added")) {
        // Move the `for route in ...routes(): cors.add(route)` loop after the last route, or add one.
        const py::ForLoop* loop = nullptr;
        for (const py::ForLoop& l : mod.forLoops()) {
            if (l.iterable.repr().contains(L("routes()")))
                loop = &l;
        }
        QString loopText = QStringLiteral("for route in list(%1.router.routes()):\n    cors.add(route)\n").arg(cfg.appName);
        if (loop) {
            const qsizetype b = startOfLine(mod.source(), loop->offset);
            const qsizetype e = endOfLine(mod.source(), mod.lines().at(loop->bodyEndLine).span.end);
            loopText = mod.source().mid(b, e - b);
            ed.replace(b, e, QString());
        } else {
            loopText = QStringLiteral("for route in list(%1.router.routes()):\n    try:\n        cors.add(route)\n"
                                      "    except ValueError:  # already CORS-enabled\n        pass\n")
                           .arg(cfg.appName);
        }
        int lastRouteLine = 0;
        for (const RouteInfo& ri : cfg.routes)
            lastRouteLine = std::max(lastRouteLine, ri.line);
        qsizetype at = mod.source().size();
        const qsizetype runApp = mod.source().indexOf(L("web.run_app("));
        if (runApp >= 0) {
            at = startOfLine(mod.source(), runApp);
            // inside `if __name__ == "__main__":`? put before that block
            const qsizetype mainGuard = mod.source().lastIndexOf(L("if __name__"), runApp);
            if (mainGuard >= 0)
                at = startOfLine(mod.source(), mainGuard);
        }
        QString block = QStringLiteral("# After ALL routes: routes registered later are not CORS-enabled.\n") + loopText;
        if (at == mod.source().size()) {
            ed.source = ensureTrailingNewline(ed.source);
            at = ed.source.size();
            block.prepend(QLatin1Char('\n'));
        } else {
            block += QLatin1Char('\n');
        }
        ed.insert(at, block);
        Q_UNUSED(lastRouteLine);
        r.title = QStringLiteral("Pass every route to cors.add() after the last route is registered");
    } else {
        if (!entry || !entryKey || entryKey->text != n.origin)
            addOriginEntry();
        r.title = QStringLiteral("Allow %1 in aiohttp_cors").arg(n.origin);
    }
    r.applicable = true;
    r.fixed = ed.apply();
    return r;
}

EditResult editFlask(const py::Module& mod, const ServerConfig& cfg, const QString& cause, const Needs& n)
{
    EditResult r;
    Editor ed { mod.source(), {}, {} };
    const py::CallSite* cs = cfg.flaskExtension ? callAt(mod, cfg.middlewareSpan) : nullptr;
    if (!cs || cause == L("middleware-missing")) {
        QString line = QStringLiteral("CORS(%1, origins=%2%3)\n")
                           .arg(cfg.appName, renderSeq({ n.origin }, false), n.credentials ? QStringLiteral(", supports_credentials=True") : QString());
        ed.insert(afterAppCreation(mod, cfg), line);
        if (!mod.source().contains(L("from flask_cors import")))
            ed.insert(0, QStringLiteral("from flask_cors import CORS\n"));
        r.applicable = true;
        r.title = QStringLiteral("Enable flask-cors for %1").arg(n.origin);
        r.fixed = ensureTrailingNewline(ed.apply());
        return r;
    }
    const Value& call = cs->call;
    auto ensureOrigin = [&] {
        const Value* o = call.keyword(u"origins");
        QStringList remove = deadVariantsOf(n.origin, o, mod);
        remove << QStringLiteral("*") << QStringLiteral(".*");
        if (!o)
            insertKeyword(ed, call, QStringLiteral("origins"), renderSeq({ n.origin }, false));
        else
            editSequenceKeyword(ed, mod, call, QStringLiteral("origins"), { n.origin }, remove, {});
    };
    if (cause == L("origin-not-allowed") || cause == L("credentials-with-wildcard")) {
        ensureOrigin();
        r.title = QStringLiteral("List %1 in origins").arg(n.origin);
    } else if (cause == L("methods-default")) {
        editSequenceKeyword(ed, mod, call, QStringLiteral("methods"), n.methods(), {},
            { QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"), QStringLiteral("OPTIONS"), QStringLiteral("PUT"),
                QStringLiteral("PATCH"), QStringLiteral("DELETE") });
        r.title = QStringLiteral("Add %1 to methods").arg(n.methods().join(L(", ")));
    } else if (cause == L("header-not-allowed") || cause == L("authorization-not-allowed")) {
        QStringList hs;
        for (const QString& h : n.headers)
            hs << headerDisplayName(h);
        if (cause == L("authorization-not-allowed") && !hs.contains(L("Authorization")))
            hs << QStringLiteral("Authorization");
        editSequenceKeyword(ed, mod, call, QStringLiteral("allow_headers"), hs, {}, { QStringLiteral("*") }, false, true);
        r.title = QStringLiteral("Allow %1 in allow_headers").arg(hs.join(L(", ")));
    } else if (cause == L("credentials-mode-mismatch")) {
        setKeyword(ed, call, QStringLiteral("supports_credentials"), QStringLiteral("True"));
        ensureOrigin();
        r.title = QStringLiteral("Set supports_credentials=True with the explicit origin %1").arg(n.origin);
    } else if (cause == L("private-network-access")) {
        setKeyword(ed, call, QStringLiteral("allow_private_network"), QStringLiteral("True"));
        ensureOrigin();
        r.title = QStringLiteral("Set allow_private_network=True (flask-cors >= 4.0.2; the default is False since 5.0)");
    } else if (cause == L("error-response-without-cors")) {
        bool done = false;
        for (const py::CallSite& c : mod.calls()) {
            if (c.call.calleeName().endsWith(L(".run"))) {
                if (const Value* d = c.call.keyword(u"debug")) {
                    ed.replace(d->span.begin, d->span.end, QStringLiteral("False"));
                    done = true;
                }
            }
        }
        if (!done) {
            r.why = QStringLiteral("flask-cors already adds headers to error responses unless the debugger answers");
            return r;
        }
        r.title = QStringLiteral("Run without the Werkzeug debugger so 500 responses carry CORS headers");
    } else if (cause == L("preflight-redirect-trailing-slash")) {
        bool done = false;
        for (const py::FunctionDef& f : mod.functions()) {
            for (const Value& d : f.decorators) {
                const Value* p = d.argument(0);
                if (d.kind == K::Call && p && p->kind == K::Str && (p->text == n.path + QLatin1Char('/') || p->text + QLatin1Char('/') == n.path)) {
                    setKeyword(ed, d, QStringLiteral("strict_slashes"), QStringLiteral("False"));
                    done = true;
                }
            }
        }
        if (!done) {
            r.why = QStringLiteral("no route declared for %1 with a different trailing slash").arg(n.path);
            return r;
        }
        r.title = QStringLiteral("Route %1 with strict_slashes=False (no 308 on the preflight)").arg(n.path);
    } else {
        ensureOrigin();
        r.title = QStringLiteral("Allow %1 in flask-cors").arg(n.origin);
    }
    r.applicable = true;
    r.fixed = ed.apply();
    return r;
}

QString exampleFor(Framework fw, const Needs& n, const QString& cause)
{
    switch (fw) {
    case Framework::FastApi: return fastapiExample(n, cause);
    case Framework::Aiohttp: return aiohttpExample(n);
    case Framework::Flask: return flaskExample(n);
    default: return {};
    }
}

QString exampleTitle(Framework fw, const Needs& n, const QString& cause)
{
    const QString base = displayName(fw);
    if (cause == L("error-response-without-cors") && fw == Framework::FastApi)
        return QStringLiteral("Wrap the FastAPI app in CORSMiddleware so error responses carry CORS headers (example)");
    if (cause == L("aiohttp-route-not-added") && fw == Framework::Aiohttp)
        return QStringLiteral("Pass every route to cors.add() after registering it (example)");
    return QStringLiteral("%1 allowing %2 %3%4 (complete example)")
        .arg(base, n.origin, n.method, n.credentials ? QStringLiteral(" with credentials") : QString());
}

} // namespace

QList<Fix> proposeFixes(const FixRequest& request)
{
    QList<Fix> fixes;
    http::Exchange failing = request.failing;
    if (failing.request.url.isEmpty() || failing.request.url.host().isEmpty())
        failing.request.url = QUrl(QStringLiteral("http://127.0.0.1:8000") + (failing.request.url.path().isEmpty() ? QStringLiteral("/api/data") : failing.request.url.path()));
    Needs needs = needsOf(failing);
    for (const QString& m : request.extraMethods)
        needs.extraMethods << m.toUpper();
    const bool nullOrigin = needs.origin == L("null") || needs.origin.isEmpty();
    if (needs.origin.isEmpty()) {
        Fix f;
        f.title = QStringLiteral("No page origin known: cannot name the origin to allow");
        f.verification = QStringLiteral("not verified: the failing exchange has no page origin");
        fixes.append(f);
        return fixes;
    }

    Framework snippetFramework = Framework::Unknown;
    std::optional<ServerConfig> userConfig;
    std::optional<py::Module> userModule;
    QString parseProblem;
    if (request.userSnippet && !request.userSnippet->trimmed().isEmpty()) {
        snippetFramework = request.framework != Framework::Unknown ? request.framework : detectFramework(*request.userSnippet);
        auto mod = py::Module::parse(*request.userSnippet);
        auto cfg = parseServerConfig(*request.userSnippet, snippetFramework);
        if (mod && cfg) {
            userModule = mod.value();
            userConfig = cfg.value();
        } else {
            parseProblem = mod ? cfg.error().message : mod.error().message;
        }
    }
    QList<Framework> targets;
    if (request.framework != Framework::Unknown)
        targets << request.framework;
    else if (snippetFramework != Framework::Unknown && snippetFramework != Framework::Django)
        targets << snippetFramework;
    if (targets.isEmpty() || request.framework == Framework::Unknown) {
        for (Framework f : { Framework::FastApi, Framework::Aiohttp }) {
            if (!targets.contains(f))
                targets << f;
        }
    }
    targets.removeAll(Framework::Django);

    if (request.causeId == L("method-lowercase")) {
        // A client-side fix: fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT.
        http::Exchange upper = failing;
        upper.request.method = failing.request.method.toUpper();
        Fix fix;
        fix.framework = snippetFramework != Framework::Unknown ? snippetFramework : Framework::FastApi;
        fix.title = QStringLiteral("Write the method in upper case in fetch(): method: \"%1\" (browsers compare methods case-sensitively and never upper-case %1)")
                        .arg(QString::fromUtf8(upper.request.method));
        fix.snippet = QStringLiteral("fetch(%1, { method: \"%2\" /* not \"%3\" */ })\n")
                          .arg(py::quote(failing.request.url.toString()), QString::fromUtf8(upper.request.method), QString::fromUtf8(failing.request.method));
        const QString server = userConfig && snippetFramework == fix.framework ? *request.userSnippet : exampleFor(fix.framework, needsOf(upper), QString());
        const Verification v = verify(server, fix.framework, upper);
        fix.verified = v.allowed;
        fix.verification = QStringLiteral("with %1: %2").arg(QString::fromUtf8(upper.request.method), v.text);
        fixes.append(fix);
        return fixes;
    }
    for (Framework fw : targets) {
        Fix fix;
        fix.framework = fw;
        fix.developmentOnly = nullOrigin;
        const bool editMode = userConfig && userModule && snippetFramework == fw;
        QString fixed;
        if (editMode) {
            EditResult er;
            if (fw == Framework::FastApi)
                er = editFastApi(*userModule, *userConfig, request.causeId, needs);
            else if (fw == Framework::Aiohttp)
                er = editAiohttp(*userModule, *userConfig, request.causeId, needs);
            else
                er = editFlask(*userModule, *userConfig, request.causeId, needs);
            if (er.applicable) {
                fixed = er.fixed;
                fix.title = er.title;
                fix.diff = unifiedDiff(*request.userSnippet, fixed, QStringLiteral("app.py"));
                fix.snippet = fixed;
            } else {
                fix.title = QStringLiteral("%1: no edit of your snippet applies (%2); complete example instead").arg(displayName(fw), er.why);
            }
        }
        if (fixed.isEmpty()) {
            fixed = exampleFor(fw, needs, request.causeId);
            fix.snippet = fixed;
            if (fix.title.isEmpty())
                fix.title = exampleTitle(fw, needs, request.causeId);
        }
        if (nullOrigin)
            fix.title += QStringLiteral(" — development only: allowing the 'null' origin admits every sandboxed iframe and file:// page; serve the page from http(s) and list that origin instead");
        QString verifyVersion;
        if (request.causeId == L("private-network-access"))
            verifyVersion = fw == Framework::FastApi ? QStringLiteral("0.51.0") : fw == Framework::Flask ? QStringLiteral("6.0.2") : QString();
        if (request.causeId == L("private-network-access") && fw == Framework::Aiohttp) {
            fixed += QStringLiteral("\n\n# aiohttp_cors has no Private Network Access support: answer it in a prepare hook.\n"
                                    "async def allow_private_network(request, response):\n"
                                    "    if request.headers.get(\"Access-Control-Request-Private-Network\") == \"true\":\n"
                                    "        response.headers[\"Access-Control-Allow-Private-Network\"] = \"true\"\n\n\n"
                                    "app.on_response_prepare.append(allow_private_network)\n");
            fix.snippet = fixed;
            if (!fix.diff.isEmpty())
                fix.diff = unifiedDiff(*request.userSnippet, fixed, QStringLiteral("app.py"));
            fix.title = QStringLiteral("Answer Private Network Access preflights in an on_response_prepare hook (aiohttp_cors has no option for it)");
        }
        const Verification v = verify(fixed, fw, failing, verifyVersion);
        fix.verified = v.allowed;
        fix.verification = v.text;
        if (!parseProblem.isEmpty() && !editMode)
            fix.verification += QStringLiteral(" (your snippet could not be parsed: %1)").arg(parseProblem);
        if (request.causeId == L("error-response-without-cors") && v.allowed)
            fix.verification += QStringLiteral("; the error itself still needs fixing (see the server log)");
        fixes.append(fix);
    }
    // Verified fixes first, the user's own framework first among equals.
    std::stable_sort(fixes.begin(), fixes.end(), [](const Fix& a, const Fix& b) { return a.verified && !b.verified; });
    return fixes;
}

} // namespace corsbench::frameworks
