// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnosis/cause.h"
#include "core/diagnosis/diagnosis_context.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace corsbench::diagnosis {

/// One root cause the workbench knows. A rule looks at the whole context and returns zero or more
/// candidate causes with a confidence; the diagnosis merges, ranks and adds fixes. Stateless.
class Rule {
public:
    virtual ~Rule() = default;
    virtual QString id() const = 0;
    virtual QList<Cause> evaluate(const DiagnosisContext& context) const = 0;
};

/// The ordered set of rules a diagnosis runs.
class RuleRegistry {
public:
    /// Every built-in rule (rules/*_rule.cpp). Thread-safe after first use.
    static const RuleRegistry& builtIn();

    void add(std::unique_ptr<Rule> rule);
    QList<const Rule*> rules() const;
    const Rule* find(const QString& id) const;

private:
    std::vector<std::unique_ptr<Rule>> m_rules;
};

} // namespace corsbench::diagnosis
