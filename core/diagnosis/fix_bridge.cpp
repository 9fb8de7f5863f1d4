// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/diagnosis/fix_bridge.h"

#if __has_include("core/frameworks/fix_generator.h")
#include "core/frameworks/fix_generator.h"
#define CORSBENCH_HAVE_FIXES 1
#endif

namespace corsbench::diagnosis {

#ifdef CORSBENCH_HAVE_FIXES
QList<FixProposal> proposeFixesFor(const Cause& cause, const QString& framework, const std::optional<QString>& userSnippet)
{
    QList<FixProposal> out;
    if (!cause.failing)
        return out;
    frameworks::FixRequest request;
    request.causeId = cause.fixCauseId.isEmpty() ? cause.id : cause.fixCauseId;
    request.failing = *cause.failing;
    request.userSnippet = userSnippet;
    request.extraMethods = cause.extraMethods;
    request.framework = frameworks::frameworkFromString(framework).value_or(frameworks::Framework::Unknown);
    for (const frameworks::Fix& f : frameworks::proposeFixes(request)) {
        FixProposal p;
        p.framework = frameworks::toString(f.framework);
        p.title = f.title;
        p.diff = f.diff;
        p.snippet = f.snippet;
        p.verification = f.verification;
        p.verified = f.verified;
        p.developmentOnly = f.developmentOnly;
        out.append(p);
    }
    return out;
}

QString detectSnippetFramework(const QString& snippet)
{
    const frameworks::Framework f = frameworks::detectFramework(snippet);
    if (f == frameworks::Framework::Unknown)
        return {};
    return frameworks::toString(f);
}
#else
QList<FixProposal> proposeFixesFor(const Cause&, const QString&, const std::optional<QString>&)
{
    return {};
}

QString detectSnippetFramework(const QString& snippet)
{
    if (snippet.contains(QLatin1String("aiohttp_cors")))
        return QStringLiteral("aiohttp");
    if (snippet.contains(QLatin1String("CORSMiddleware")))
        return QStringLiteral("fastapi");
    if (snippet.contains(QLatin1String("flask_cors")))
        return QStringLiteral("flask");
    return {};
}
#endif

} // namespace corsbench::diagnosis
