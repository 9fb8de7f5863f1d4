// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// servers.md §7: `starlette.middleware.cors.CORSError` does not exist in any Starlette version.
// Say so plainly; other rules diagnose what the pasted message implies.
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class NonexistentExceptionRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("nonexistent-exception"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("nonexistent-exception", QString(), 0.0, QString());
        QString name;
        QStringList implied;
        for (const auto& [idx, ev] : ctx.serverEvents()) {
            if (!ev.nonexistentName)
                continue;
            name = ev.exceptionType.isEmpty() ? QStringLiteral("starlette.middleware.cors.CORSError") : ev.exceptionType;
            implied += ev.corsFailures;
            addEvidence(c, ctx.quote(idx));
        }
        if (name.isEmpty())
            return {};
        implied.removeDuplicates();
        // Informational: ranks below real causes but is always shown.
        c.confidence = implied.isEmpty() ? 0.5 : 0.35;
        c.title = QStringLiteral("%1 does not exist — this line did not come from Starlette").arg(name);
        c.explanation = QStringLiteral(
            "No Starlette or FastAPI version defines a CORSError class, and CORSMiddleware never raises: it answers a "
            "refused preflight with 400 \"Disallowed CORS origin|method|headers\" and leaves the CORS headers off actual "
            "responses (the request still runs). The line was probably written by hand, by another library, or by an AI "
            "assistant. `from starlette.middleware.cors import CORSError` fails with ImportError.");
        if (!implied.isEmpty())
            c.explanation += QStringLiteral(" What it implies (%1 refused) is diagnosed in the other causes.").arg(implied.join(QStringLiteral(", ")));
        c.whatToDo << QStringLiteral("Remove any import or except clause naming CORSError.")
                   << QStringLiteral("Look at the real evidence: the browser console line, the preflight response status and body (uvicorn access log: \"OPTIONS /path HTTP/1.1\" 400).");
        c.missingEvidence << QStringLiteral("the browser console line or the OPTIONS line of the server access log");
        c.probeCommand = ctx.probeCommand();
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeNonexistentExceptionRule() { return std::make_unique<NonexistentExceptionRule>(); }

} // namespace corsbench::diagnosis::rules
