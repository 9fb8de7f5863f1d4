// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/diagnosis/rule.h"

#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis {

const RuleRegistry& RuleRegistry::builtIn()
{
    static const RuleRegistry registry = [] {
        RuleRegistry r;
        using namespace rules;
        r.add(makeOriginNotAllowedRule());
        r.add(makeCredentialsWithWildcardRule());
        r.add(makeCredentialsModeMismatchRule());
        r.add(makeMethodsDefaultRule());
        r.add(makeMethodLowercaseRule());
        r.add(makeHeaderNotAllowedRule());
        r.add(makeAuthorizationNotAllowedRule());
        r.add(makeClientSendsCorsHeadersRule());
        r.add(makePreflightRedirectRule());
        r.add(makeMiddlewareMissingRule());
        r.add(makeAiohttpRouteNotAddedRule());
        r.add(makeErrorResponseWithoutCorsRule());
        r.add(makePreflightRejectedByAuthRule());
        r.add(makeDuplicateAcaoRule());
        r.add(makePrivateNetworkAccessRule());
        r.add(makeNetworkFailureRule());
        r.add(makeMixedContentRule());
        r.add(makeNonexistentExceptionRule());
        r.add(makeWorksInCurlRule());
        r.add(makeNullOriginRule());
        r.add(makeUnparsableAllowListRule());
        r.add(makePreflightStatusRule());
        r.add(makeRequestModeRule());
        r.add(makeConfigReplayRule());
        return r;
    }();
    return registry;
}

void RuleRegistry::add(std::unique_ptr<Rule> rule)
{
    m_rules.push_back(std::move(rule));
}

QList<const Rule*> RuleRegistry::rules() const
{
    QList<const Rule*> out;
    for (const auto& r : m_rules)
        out.append(r.get());
    return out;
}

const Rule* RuleRegistry::find(const QString& id) const
{
    for (const auto& r : m_rules) {
        if (r->id() == id)
            return r.get();
    }
    return nullptr;
}

} // namespace corsbench::diagnosis
