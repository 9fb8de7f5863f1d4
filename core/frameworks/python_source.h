// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/support/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <optional>
#include <vector>

/// A small, bounded reader for the Python that people paste as server configuration: literals,
/// names bound earlier in the snippet, calls, and the handful of idioms configs use
/// (`os.environ.get("X", "default")`, `.split(",")`, list comprehensions over them). It never
/// executes anything and never guesses: what it cannot evaluate stays a visible `Unknown`.
namespace corsbench::frameworks::py {

/// Where a piece of source sits: 1-based line/column and [begin, end) UTF-16 offsets.
struct SourceSpan {
    int line = 0;
    int column = 0;
    int endLine = 0;
    qsizetype begin = -1;
    qsizetype end = -1;
    bool isValid() const { return begin >= 0 && end >= begin; }
};

struct Value;
using ValuePtr = std::shared_ptr<const Value>;

/// A parsed (and, after `Module::evaluate`, resolved) Python expression.
struct Value {
    enum class Kind {
        None, Bool, Int, Float, Str, List, Tuple, Set, Dict,
        Name, Attribute, Call, Subscript, BinOp, BoolOp, Comprehension, Lambda, Unknown
    };
    Kind kind = Kind::Unknown;
    bool boolValue = false;
    qint64 intValue = 0;
    double floatValue = 0;
    /// Str/bytes: decoded text. Name: identifier. Attribute: attribute name. BinOp/BoolOp: operator.
    /// Unknown: why it could not be understood.
    QString text;
    std::vector<Value> items; // elements, dict values, call positional args, operands
    std::vector<Value> keys; // dict keys
    QStringList keywordNames; // call keyword names (parallel to keywordValues)
    std::vector<Value> keywordValues;
    std::vector<SourceSpan> keywordSpans; // span of `name=value`
    ValuePtr object; // Attribute/Subscript/Call: the object / callee; Comprehension: the element
    QString loopVariable; // Comprehension
    ValuePtr loopIterable; // Comprehension
    ValuePtr loopCondition; // Comprehension filter (nullable)

    bool isBytes = false;
    bool isRaw = false;
    bool isFString = false; // value shown with the `{...}` parts unevaluated
    bool regex = false; // from re.compile()
    bool environmentDependent = false;
    QStringList environmentVariables;
    SourceSpan span;

    bool isString() const { return kind == Kind::Str; }
    bool isSequence() const { return kind == Kind::List || kind == Kind::Tuple || kind == Kind::Set; }
    bool isKnownLiteral() const; // fully evaluated, no Unknown/Name/Call inside
    /// "a.b.c" for a Name/Attribute chain, empty otherwise.
    QString dottedName() const;
    /// Call: the dotted callee name ("app.add_middleware"), or ".split" style for calls on
    /// non-name objects.
    QString calleeName() const;
    const Value* keyword(QStringView name) const;
    const Value* argument(int index) const;
    /// Python-ish rendering for messages ("['http://a', 'http://b']").
    QString repr() const;
};

/// A Python token.
struct Token {
    enum class Type { Name, Number, String, Op, Newline, End };
    Type type = Type::End;
    QString text; // source text (for strings: the whole literal including prefix and quotes)
    SourceSpan span;
    int indent = -1; // for the first token of a logical line: its column
};

/// A binding `name = expr` (also `name += expr`, `a.b["k"] = expr`).
struct Binding {
    QString target; // "origins", "app.config[CORS_ORIGINS]"
    Value value; // unevaluated
    qsizetype offset = 0; // statement start
    SourceSpan statementSpan;
    bool augmented = false;
};

/// A call found anywhere in the source, with its arguments unevaluated.
struct CallSite {
    Value call; // Kind::Call
    qsizetype offset = 0;
    int logicalLine = -1; // index into Module::lines
};

struct LogicalLine {
    int firstToken = 0;
    int endToken = 0; // exclusive
    int indent = 0;
    SourceSpan span;
};

/// `for var in iterable:` statements (aiohttp's `for route in app.router.routes(): cors.add(route)`).
struct ForLoop {
    QString variable;
    Value iterable;
    qsizetype offset = 0;
    int indent = 0;
    int bodyEndLine = -1; // last logical line index of the body
};

struct FunctionDef {
    QString name;
    int defLine = -1; // logical line index of `def`
    int bodyEndLine = -1; // last logical line index of the body
    QList<Value> decorators; // unevaluated
    SourceSpan span;
    QList<Value> raises; // expressions after top-level `raise` in the body
    bool raisesUnconditionally = false;
};

struct Limits {
    qsizetype maxBytes = 4 * 1024 * 1024;
    int maxDepth = 64; // nesting of brackets and of name resolution
    qsizetype maxTokens = 2'000'000;
};

/// A tokenized and statement-scanned module. Create with `Module::parse`.
class Module {
public:
    [[nodiscard]] static Result<Module> parse(QStringView source, const Limits& limits = {});

    const QString& source() const { return m_source; }
    const QList<Token>& tokens() const { return m_tokens; }
    const QList<LogicalLine>& lines() const { return m_lines; }
    const QList<Binding>& bindings() const { return m_bindings; }
    const QList<CallSite>& calls() const { return m_calls; }
    const QList<ForLoop>& forLoops() const { return m_forLoops; }
    const QList<FunctionDef>& functions() const { return m_functions; }
    const QStringList& imports() const { return m_imports; } // "fastapi.middleware.cors.CORSMiddleware", "aiohttp_cors"
    /// Problems met while scanning statements (a statement it could not parse); not fatal.
    const QStringList& warnings() const { return m_warnings; }

    /// Resolves names (bindings before `offset`), environment look-ups, `.split()`, concatenation,
    /// comprehensions and `re.compile`. Depth-bounded; cycles end as Unknown.
    Value evaluate(const Value& expr, qsizetype offset) const;
    /// The latest binding of `target` before `offset`, or nullptr.
    const Binding* bindingBefore(QStringView target, qsizetype offset) const;
    /// 1-based line of a UTF-16 offset.
    int lineAt(qsizetype offset) const;
    QString lineText(int line) const;

private:
    Value evaluate(const Value& expr, qsizetype offset, int depth, const QHash<QString, Value>* locals) const;
    QString m_source;
    QList<Token> m_tokens;
    QList<LogicalLine> m_lines;
    QList<Binding> m_bindings;
    QList<CallSite> m_calls;
    QList<ForLoop> m_forLoops;
    QList<FunctionDef> m_functions;
    QStringList m_imports;
    QStringList m_warnings;
    QList<qsizetype> m_lineStarts;
    Limits m_limits;
    friend class Parser;
};

/// Parses one expression on its own (tests, CLI `--set`).
[[nodiscard]] Result<Value> parseExpression(QStringView source, const Limits& limits = {});
/// Python string literal for a value we write into a fix (double quotes, escapes).
QString quote(QStringView text);

} // namespace corsbench::frameworks::py
