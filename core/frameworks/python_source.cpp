// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/frameworks/python_source.h"

#include <QRegularExpression>
#include <QSet>

namespace corsbench::frameworks::py {

namespace {

QLatin1String L(const char* s) { return QLatin1String(s); }

bool isOp(const Token& t, const char* op) { return t.type == Token::Type::Op && t.text == QLatin1String(op); }
bool isName(const Token& t, const char* name) { return t.type == Token::Type::Name && t.text == QLatin1String(name); }

const QSet<QString>& keywords()
{
    static const QSet<QString> k = {
        QStringLiteral("False"), QStringLiteral("None"), QStringLiteral("True"), QStringLiteral("and"),
        QStringLiteral("as"), QStringLiteral("assert"), QStringLiteral("async"), QStringLiteral("await"),
        QStringLiteral("break"), QStringLiteral("class"), QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"), QStringLiteral("elif"), QStringLiteral("else"), QStringLiteral("except"),
        QStringLiteral("finally"), QStringLiteral("for"), QStringLiteral("from"), QStringLiteral("global"),
        QStringLiteral("if"), QStringLiteral("import"), QStringLiteral("in"), QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"), QStringLiteral("or"),
        QStringLiteral("pass"), QStringLiteral("raise"), QStringLiteral("return"), QStringLiteral("try"),
        QStringLiteral("while"), QStringLiteral("with"), QStringLiteral("yield"),
    };
    return k;
}

// Callee names whose calls the config extractor cares about; the call scan parses only these so
// that deeply nested hostile input stays linear.
const QSet<QString>& interestingCallees()
{
    static const QSet<QString> k = {
        QStringLiteral("add_middleware"), QStringLiteral("Middleware"), QStringLiteral("CORSMiddleware"),
        QStringLiteral("setup"), QStringLiteral("add"), QStringLiteral("CORS"), QStringLiteral("cross_origin"),
        QStringLiteral("init_app"), QStringLiteral("FastAPI"), QStringLiteral("Starlette"), QStringLiteral("Flask"),
        QStringLiteral("Application"), QStringLiteral("get"), QStringLiteral("post"), QStringLiteral("put"),
        QStringLiteral("delete"), QStringLiteral("patch"), QStringLiteral("options"), QStringLiteral("head"),
        QStringLiteral("route"), QStringLiteral("api_route"), QStringLiteral("add_api_route"),
        QStringLiteral("add_route"), QStringLiteral("add_get"), QStringLiteral("add_post"), QStringLiteral("add_put"),
        QStringLiteral("add_delete"), QStringLiteral("add_patch"), QStringLiteral("add_head"),
        QStringLiteral("add_view"), QStringLiteral("add_resource"), QStringLiteral("add_routes"),
        QStringLiteral("add_url_rule"), QStringLiteral("Route"), QStringLiteral("run"), QStringLiteral("run_app"),
        QStringLiteral("mount"), QStringLiteral("include_router"), QStringLiteral("exception_handler"),
        QStringLiteral("add_exception_handler"), QStringLiteral("middleware"), QStringLiteral("errorhandler"),
        QStringLiteral("update"), QStringLiteral("APIRouter"), QStringLiteral("Blueprint"),
        QStringLiteral("register_blueprint"), QStringLiteral("add_subapp"), QStringLiteral("cors_middleware"),
        QStringLiteral("ResourceOptions"), QStringLiteral("abort"),
    };
    return k;
}

Value unknown(QString why, SourceSpan span = {})
{
    Value v;
    v.kind = Value::Kind::Unknown;
    v.text = std::move(why);
    v.span = span;
    return v;
}

void mergeFlags(Value& into, const Value& from)
{
    if (from.environmentDependent) {
        into.environmentDependent = true;
        for (const QString& e : from.environmentVariables) {
            if (!into.environmentVariables.contains(e))
                into.environmentVariables.append(e);
        }
    }
    into.isFString = into.isFString || from.isFString;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Value helpers

bool Value::isKnownLiteral() const
{
    switch (kind) {
    case Kind::None:
    case Kind::Bool:
    case Kind::Int:
    case Kind::Float:
    case Kind::Str:
        return true;
    case Kind::List:
    case Kind::Tuple:
    case Kind::Set:
        for (const Value& v : items) {
            if (!v.isKnownLiteral())
                return false;
        }
        return true;
    case Kind::Dict:
        for (const Value& v : items) {
            if (!v.isKnownLiteral())
                return false;
        }
        for (const Value& v : keys) {
            if (!v.isKnownLiteral())
                return false;
        }
        return true;
    default:
        return false;
    }
}

QString Value::dottedName() const
{
    if (kind == Kind::Name)
        return text;
    if (kind == Kind::Attribute && object) {
        const QString base = object->dottedName();
        return base.isEmpty() ? QString() : base + QLatin1Char('.') + text;
    }
    return {};
}

QString Value::calleeName() const
{
    if (kind != Kind::Call || !object)
        return {};
    const QString d = object->dottedName();
    if (!d.isEmpty())
        return d;
    if (object->kind == Kind::Attribute)
        return QLatin1Char('.') + object->text;
    return {};
}

const Value* Value::keyword(QStringView name) const
{
    for (qsizetype i = 0; i < keywordNames.size(); ++i) {
        if (keywordNames.at(i) == name)
            return &keywordValues[size_t(i)];
    }
    return nullptr;
}

const Value* Value::argument(int index) const
{
    if (index < 0 || size_t(index) >= items.size())
        return nullptr;
    return &items[size_t(index)];
}

QString quote(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (QChar c : text) {
        switch (c.unicode()) {
        case '\\': out += L("\\\\"); break;
        case '"': out += L("\\\""); break;
        case '\n': out += L("\\n"); break;
        case '\r': out += L("\\r"); break;
        case '\t': out += L("\\t"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString Value::repr() const
{
    auto join = [](const std::vector<Value>& vs) {
        QStringList parts;
        for (const Value& v : vs)
            parts << v.repr();
        return parts.join(L(", "));
    };
    switch (kind) {
    case Kind::None: return QStringLiteral("None");
    case Kind::Bool: return boolValue ? QStringLiteral("True") : QStringLiteral("False");
    case Kind::Int: return QString::number(intValue);
    case Kind::Float: return QString::number(floatValue);
    case Kind::Str: return (isFString ? QStringLiteral("f") : QString()) + quote(text);
    case Kind::List: return QLatin1Char('[') + join(items) + QLatin1Char(']');
    case Kind::Tuple:
        return QLatin1Char('(') + join(items) + (items.size() == 1 ? L(",)") : L(")"));
    case Kind::Set: return QLatin1Char('{') + join(items) + QLatin1Char('}');
    case Kind::Dict: {
        QStringList parts;
        for (size_t i = 0; i < keys.size() && i < items.size(); ++i)
            parts << keys[i].repr() + L(": ") + items[i].repr();
        return QLatin1Char('{') + parts.join(L(", ")) + QLatin1Char('}');
    }
    case Kind::Name: return text;
    case Kind::Attribute: return (object ? object->repr() : QString()) + QLatin1Char('.') + text;
    case Kind::Call: {
        QStringList parts;
        for (const Value& v : items)
            parts << v.repr();
        for (qsizetype i = 0; i < keywordNames.size(); ++i)
            parts << keywordNames.at(i) + QLatin1Char('=') + keywordValues[size_t(i)].repr();
        return (object ? object->repr() : QString()) + QLatin1Char('(') + parts.join(L(", ")) + QLatin1Char(')');
    }
    case Kind::Subscript:
        return (object ? object->repr() : QString()) + QLatin1Char('[') + join(items) + QLatin1Char(']');
    case Kind::BinOp:
    case Kind::BoolOp: {
        QStringList parts;
        for (const Value& v : items)
            parts << v.repr();
        return parts.join(QLatin1Char(' ') + text + QLatin1Char(' '));
    }
    case Kind::Comprehension: return QStringLiteral("[... for %1 in ...]").arg(loopVariable);
    case Kind::Lambda: return QStringLiteral("lambda ...");
    case Kind::Unknown: return QStringLiteral("<%1>").arg(text);
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

namespace {

struct Tokenizer {
    QStringView s;
    const Limits& limits;
    QList<qsizetype>& lineStarts;
    QList<Token> tokens;
    qsizetype i = 0;
    int line = 1;
    int depth = 0;

    int columnOf(qsizetype pos) const { return int(pos - lineStarts.at(line - 1)) + 1; }

    SourceSpan spanOf(qsizetype begin, qsizetype end, int startLine, int startCol) const
    {
        SourceSpan sp;
        sp.begin = begin;
        sp.end = end;
        sp.line = startLine;
        sp.column = startCol;
        sp.endLine = line;
        return sp;
    }

    void newline()
    {
        ++line;
        if (lineStarts.size() < line)
            lineStarts.append(i + 1);
    }

    Error err(const QString& what, int atLine) const
    {
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("line %1: %2").arg(atLine).arg(what));
    }

    void push(Token::Type type, qsizetype begin, int startLine, int startCol)
    {
        Token t;
        t.type = type;
        t.text = s.mid(begin, i - begin).toString();
        t.span = spanOf(begin, i, startLine, startCol);
        tokens.append(std::move(t));
    }

    std::optional<Error> readString(qsizetype begin, int startLine, int startCol)
    {
        // i points at the opening quote; prefix already consumed.
        const QChar q = s[i];
        const bool triple = i + 2 < s.size() && s[i + 1] == q && s[i + 2] == q;
        i += triple ? 3 : 1;
        while (true) {
            if (i >= s.size())
                return err(QStringLiteral("unterminated string literal (started here)"), startLine);
            const QChar c = s[i];
            if (c == QLatin1Char('\\')) {
                if (i + 1 < s.size() && s[i + 1] == QLatin1Char('\n')) {
                    ++i;
                    newline();
                    ++i;
                    continue;
                }
                i += 2;
                continue;
            }
            if (c == QLatin1Char('\n')) {
                if (!triple)
                    return err(QStringLiteral("unterminated string literal (started here)"), startLine);
                newline();
                ++i;
                continue;
            }
            if (c == q) {
                if (!triple) {
                    ++i;
                    break;
                }
                if (i + 2 < s.size() && s[i + 1] == q && s[i + 2] == q) {
                    i += 3;
                    break;
                }
            }
            ++i;
        }
        push(Token::Type::String, begin, startLine, startCol);
        return std::nullopt;
    }

    std::optional<Error> run()
    {
        lineStarts.clear();
        lineStarts.append(0);
        bool atLineStart = true;
        while (i < s.size()) {
            if (tokens.size() > limits.maxTokens)
                return makeError(ErrorCode::TooLarge, QStringLiteral("the snippet has too many tokens (over %1)").arg(limits.maxTokens));
            const QChar c = s[i];
            if (c == QLatin1Char('\n')) {
                if (depth == 0 && !atLineStart) {
                    Token t;
                    t.type = Token::Type::Newline;
                    t.span = spanOf(i, i, line, columnOf(i));
                    tokens.append(t);
                    atLineStart = true;
                }
                newline();
                ++i;
                continue;
            }
            if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') || c == QLatin1Char('\f')) {
                ++i;
                continue;
            }
            if (c == QLatin1Char('#')) {
                while (i < s.size() && s[i] != QLatin1Char('\n'))
                    ++i;
                continue;
            }
            if (c == QLatin1Char('\\')) {
                qsizetype j = i + 1;
                while (j < s.size() && (s[j] == QLatin1Char(' ') || s[j] == QLatin1Char('\t') || s[j] == QLatin1Char('\r')))
                    ++j;
                if (j < s.size() && s[j] == QLatin1Char('\n')) {
                    i = j;
                    newline();
                    ++i;
                    continue;
                }
                return err(QStringLiteral("unexpected character after line continuation"), line);
            }
            const qsizetype begin = i;
            const int startLine = line;
            const int startCol = columnOf(i);
            if (c.isLetter() || c == QLatin1Char('_')) {
                while (i < s.size() && (s[i].isLetterOrNumber() || s[i] == QLatin1Char('_')))
                    ++i;
                if (i < s.size() && (s[i] == QLatin1Char('"') || s[i] == QLatin1Char('\''))) {
                    const QString prefix = s.mid(begin, i - begin).toString().toLower();
                    static const QStringList prefixes = { QStringLiteral("r"), QStringLiteral("b"), QStringLiteral("u"),
                        QStringLiteral("f"), QStringLiteral("rb"), QStringLiteral("br"), QStringLiteral("fr"),
                        QStringLiteral("rf") };
                    if (prefixes.contains(prefix)) {
                        if (auto e = readString(begin, startLine, startCol))
                            return e;
                        atLineStart = false;
                        continue;
                    }
                }
                push(Token::Type::Name, begin, startLine, startCol);
                atLineStart = false;
                continue;
            }
            if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < s.size() && s[i + 1].isDigit())) {
                while (i < s.size()) {
                    const QChar d = s[i];
                    if (d.isLetterOrNumber() || d == QLatin1Char('_') || d == QLatin1Char('.')) {
                        ++i;
                    } else if ((d == QLatin1Char('+') || d == QLatin1Char('-')) && i > begin
                        && (s[i - 1] == QLatin1Char('e') || s[i - 1] == QLatin1Char('E'))
                        && !s.mid(begin, 2).toString().startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) {
                        ++i;
                    } else {
                        break;
                    }
                }
                push(Token::Type::Number, begin, startLine, startCol);
                atLineStart = false;
                continue;
            }
            if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                if (auto e = readString(begin, startLine, startCol))
                    return e;
                atLineStart = false;
                continue;
            }
            // Operators and punctuation.
            static const char* const ops3[] = { "**=", "//=", ">>=", "<<=", "..." };
            static const char* const ops2[] = { "**", "//", "==", "!=", "<=", ">=", "->", "+=", "-=", "*=", "/=",
                "%=", "&=", "|=", "^=", ":=", "<<", ">>", "@=" };
            int len = 1;
            for (const char* op : ops3) {
                if (s.mid(i, 3) == QLatin1String(op)) {
                    len = 3;
                    break;
                }
            }
            if (len == 1) {
                for (const char* op : ops2) {
                    if (s.mid(i, 2) == QLatin1String(op)) {
                        len = 2;
                        break;
                    }
                }
            }
            if (len == 1) {
                if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
                    ++depth;
                    if (depth > limits.maxDepth)
                        return err(QStringLiteral("brackets nested deeper than %1 levels").arg(limits.maxDepth), line);
                } else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
                    if (depth > 0)
                        --depth;
                } else if (c == QLatin1Char(';') && depth == 0) {
                    ++i;
                    Token t;
                    t.type = Token::Type::Newline;
                    t.span = spanOf(begin, i, startLine, startCol);
                    tokens.append(t);
                    atLineStart = true;
                    continue;
                }
            }
            i += len;
            push(Token::Type::Op, begin, startLine, startCol);
            atLineStart = false;
        }
        Token nl;
        nl.type = Token::Type::Newline;
        nl.span = spanOf(i, i, line, columnOf(i));
        if (!tokens.isEmpty() && tokens.last().type != Token::Type::Newline)
            tokens.append(nl);
        Token end;
        end.type = Token::Type::End;
        end.span = nl.span;
        tokens.append(end);
        return std::nullopt;
    }
};

// Decodes a string literal token into (text, bytes, raw, fstring).
Value decodeString(const Token& t)
{
    Value v;
    v.kind = Value::Kind::Str;
    v.span = t.span;
    const QString& src = t.text;
    qsizetype p = 0;
    while (p < src.size() && src[p] != QLatin1Char('"') && src[p] != QLatin1Char('\'')) {
        const QChar c = src[p].toLower();
        if (c == QLatin1Char('r'))
            v.isRaw = true;
        else if (c == QLatin1Char('b'))
            v.isBytes = true;
        else if (c == QLatin1Char('f'))
            v.isFString = true;
        ++p;
    }
    const QChar q = src[p];
    const bool triple = p + 2 < src.size() && src[p + 1] == q && src[p + 2] == q;
    const qsizetype qlen = triple ? 3 : 1;
    const QStringView body = QStringView(src).mid(p + qlen, src.size() - p - 2 * qlen);
    if (v.isRaw) {
        v.text = body.toString();
        return v;
    }
    QString out;
    out.reserve(body.size());
    for (qsizetype k = 0; k < body.size(); ++k) {
        const QChar c = body[k];
        if (c != QLatin1Char('\\') || k + 1 >= body.size()) {
            out += c;
            continue;
        }
        const QChar n = body[k + 1];
        ++k;
        switch (n.unicode()) {
        case '\n': break;
        case '\\': out += QLatin1Char('\\'); break;
        case '\'': out += QLatin1Char('\''); break;
        case '"': out += QLatin1Char('"'); break;
        case 'n': out += QLatin1Char('\n'); break;
        case 't': out += QLatin1Char('\t'); break;
        case 'r': out += QLatin1Char('\r'); break;
        case 'a': out += QChar(7); break;
        case 'b': out += QChar(8); break;
        case 'f': out += QChar(12); break;
        case 'v': out += QChar(11); break;
        case '0':
            out += QChar(0);
            break;
        case 'x':
            if (k + 2 < body.size()) {
                bool ok = false;
                const uint code = body.mid(k + 1, 2).toUInt(&ok, 16);
                if (ok) {
                    out += QChar(char16_t(code));
                    k += 2;
                    break;
                }
            }
            out += QLatin1String("\\x");
            break;
        case 'u':
            if (!v.isBytes && k + 4 < body.size()) {
                bool ok = false;
                const uint code = body.mid(k + 1, 4).toUInt(&ok, 16);
                if (ok) {
                    out += QChar(char16_t(code));
                    k += 4;
                    break;
                }
            }
            out += QLatin1String("\\u");
            break;
        default:
            // Python keeps unknown escapes verbatim (regexes like "\d" in a plain string).
            out += QLatin1Char('\\');
            out += n;
        }
    }
    v.text = out;
    return v;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Expression parser over a token range

class Parser {
public:
    Parser(const QList<Token>& tokens, int pos, int end, const Limits& limits)
        : m_t(tokens)
        , m_pos(pos)
        , m_end(end)
        , m_limits(limits)
    {
    }

    int pos() const { return m_pos; }
    bool failed() const { return !m_error.isEmpty(); }
    const QString& error() const { return m_error; }

    const Token& peek(int ahead = 0) const
    {
        const int p = std::min(m_pos + ahead, m_end);
        return p < m_t.size() ? m_t.at(p) : m_t.last();
    }
    bool atEnd() const { return m_pos >= m_end || peek().type == Token::Type::End || peek().type == Token::Type::Newline; }
    const Token& next() { return m_t.at(m_pos < m_end ? m_pos++ : m_pos); }

    Value parseExpression() { return parseTest(0); }

    // Parses `expr, expr, ...` (a bare tuple on a statement's right-hand side).
    Value parseExpressionList()
    {
        const int start = m_pos;
        Value first = parseTest(0);
        if (!isOp(peek(), ","))
            return first;
        Value t;
        t.kind = Value::Kind::Tuple;
        t.items.push_back(first);
        while (isOp(peek(), ",")) {
            next();
            if (atEnd() || isOp(peek(), "=") || isOp(peek(), ")"))
                break;
            t.items.push_back(parseTest(0));
        }
        t.span = spanFrom(start);
        return t;
    }

private:
    SourceSpan spanFrom(int startToken) const
    {
        SourceSpan sp = m_t.at(startToken).span;
        const int last = std::max(startToken, m_pos - 1);
        sp.end = m_t.at(last).span.end;
        sp.endLine = m_t.at(last).span.endLine;
        return sp;
    }

    Value fail(const QString& why)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("line %1: %2").arg(peek().span.line).arg(why);
        return unknown(why, peek().span);
    }

    bool expectOp(const char* op)
    {
        if (isOp(peek(), op)) {
            next();
            return true;
        }
        fail(QStringLiteral("expected '%1' but found '%2'").arg(QLatin1String(op), peek().text));
        return false;
    }

    // Skips one expression-ish run of tokens up to a top-level ',' or closing bracket.
    void skipToSeparator()
    {
        int depth = 0;
        while (!failed() && m_pos < m_end && peek().type != Token::Type::End) {
            const Token& t = peek();
            if (t.type == Token::Type::Newline && depth == 0)
                return;
            if (t.type == Token::Type::Op) {
                if (t.text == L("(") || t.text == L("[") || t.text == L("{"))
                    ++depth;
                else if (t.text == L(")") || t.text == L("]") || t.text == L("}")) {
                    if (depth == 0)
                        return;
                    --depth;
                } else if (t.text == L(",") && depth == 0)
                    return;
            }
            next();
        }
    }

    Value parseTest(int depth)
    {
        if (depth > m_limits.maxDepth)
            return fail(QStringLiteral("expression nested deeper than %1 levels").arg(m_limits.maxDepth));
        const int start = m_pos;
        if (isName(peek(), "lambda")) {
            skipToSeparator();
            Value v;
            v.kind = Value::Kind::Lambda;
            v.text = QStringLiteral("lambda");
            v.span = spanFrom(start);
            return v;
        }
        Value v = parseOr(depth + 1);
        if (isName(peek(), "if")) {
            next();
            Value cond = parseOr(depth + 1);
            if (!isName(peek(), "else"))
                return fail(QStringLiteral("expected 'else' in conditional expression"));
            next();
            Value other = parseTest(depth + 1);
            Value u = unknown(QStringLiteral("conditional expression (... if ... else ...)"));
            u.items = { v, cond, other };
            u.span = spanFrom(start);
            return u;
        }
        return v;
    }

    Value parseOr(int depth)
    {
        const int start = m_pos;
        Value v = parseAnd(depth + 1);
        if (!isName(peek(), "or"))
            return v;
        Value op;
        op.kind = Value::Kind::BoolOp;
        op.text = QStringLiteral("or");
        op.items.push_back(v);
        while (isName(peek(), "or") && !failed()) {
            next();
            op.items.push_back(parseAnd(depth + 1));
        }
        op.span = spanFrom(start);
        return op;
    }

    Value parseAnd(int depth)
    {
        const int start = m_pos;
        Value v = parseNot(depth + 1);
        if (!isName(peek(), "and"))
            return v;
        Value op;
        op.kind = Value::Kind::BoolOp;
        op.text = QStringLiteral("and");
        op.items.push_back(v);
        while (isName(peek(), "and") && !failed()) {
            next();
            op.items.push_back(parseNot(depth + 1));
        }
        op.span = spanFrom(start);
        return op;
    }

    Value parseNot(int depth)
    {
        if (depth > m_limits.maxDepth)
            return fail(QStringLiteral("expression nested deeper than %1 levels").arg(m_limits.maxDepth));
        const int start = m_pos;
        if (isName(peek(), "not")) {
            next();
            Value inner = parseNot(depth + 1);
            Value u = unknown(QStringLiteral("'not' expression"));
            u.items = { inner };
            u.span = spanFrom(start);
            return u;
        }
        return parseComparison(depth + 1);
    }

    Value parseComparison(int depth)
    {
        const int start = m_pos;
        Value v = parseArith(depth + 1);
        static const char* const cmp[] = { "==", "!=", "<", ">", "<=", ">=" };
        bool any = false;
        while (!failed()) {
            bool matched = false;
            for (const char* c : cmp) {
                if (isOp(peek(), c)) {
                    matched = true;
                    next();
                    break;
                }
            }
            if (!matched && (isName(peek(), "in") || isName(peek(), "is"))) {
                matched = true;
                next();
                if (isName(peek(), "not"))
                    next();
            } else if (!matched && isName(peek(), "not") && isName(peek(1), "in")) {
                matched = true;
                next();
                next();
            }
            if (!matched)
                break;
            any = true;
            parseArith(depth + 1);
        }
        if (!any)
            return v;
        Value u = unknown(QStringLiteral("comparison"));
        u.span = spanFrom(start);
        return u;
    }

    Value parseArith(int depth)
    {
        const int start = m_pos;
        Value v = parseTerm(depth + 1);
        while (!failed() && (isOp(peek(), "+") || isOp(peek(), "-") || isOp(peek(), "|"))) {
            const QString op = next().text;
            Value rhs = parseTerm(depth + 1);
            Value b;
            b.kind = Value::Kind::BinOp;
            b.text = op;
            b.items = { v, rhs };
            b.span = spanFrom(start);
            v = b;
        }
        return v;
    }

    Value parseTerm(int depth)
    {
        const int start = m_pos;
        Value v = parseFactor(depth + 1);
        while (!failed()
            && (isOp(peek(), "*") || isOp(peek(), "/") || isOp(peek(), "//") || isOp(peek(), "%") || isOp(peek(), "@"))) {
            const QString op = next().text;
            Value rhs = parseFactor(depth + 1);
            Value b;
            b.kind = Value::Kind::BinOp;
            b.text = op;
            b.items = { v, rhs };
            b.span = spanFrom(start);
            v = b;
        }
        return v;
    }

    Value parseFactor(int depth)
    {
        if (depth > m_limits.maxDepth)
            return fail(QStringLiteral("expression nested deeper than %1 levels").arg(m_limits.maxDepth));
        const int start = m_pos;
        if (isOp(peek(), "-") || isOp(peek(), "+") || isOp(peek(), "~")) {
            const QString op = next().text;
            Value inner = parseFactor(depth + 1);
            if (op == L("-") && inner.kind == Value::Kind::Int) {
                inner.intValue = -inner.intValue;
                inner.span = spanFrom(start);
                return inner;
            }
            if (op == L("-") && inner.kind == Value::Kind::Float) {
                inner.floatValue = -inner.floatValue;
                inner.span = spanFrom(start);
                return inner;
            }
            if (op == L("+") && (inner.kind == Value::Kind::Int || inner.kind == Value::Kind::Float))
                return inner;
            Value u = unknown(QStringLiteral("unary '%1'").arg(op));
            u.span = spanFrom(start);
            return u;
        }
        if (isName(peek(), "await"))
            next();
        Value v = parsePostfix(depth + 1);
        if (isOp(peek(), "**")) {
            next();
            parseFactor(depth + 1);
            Value u = unknown(QStringLiteral("power"));
            u.span = spanFrom(start);
            return u;
        }
        return v;
    }

public:
    Value parsePostfix(int depth)
    {
        const int start = m_pos;
        Value v = parseAtom(depth + 1);
        while (!failed()) {
            if (isOp(peek(), ".")) {
                next();
                if (peek().type != Token::Type::Name)
                    return fail(QStringLiteral("expected a name after '.'"));
                Value a;
                a.kind = Value::Kind::Attribute;
                a.text = next().text;
                a.object = std::make_shared<const Value>(v);
                a.span = spanFrom(start);
                v = a;
            } else if (isOp(peek(), "(")) {
                next();
                Value c;
                c.kind = Value::Kind::Call;
                c.object = std::make_shared<const Value>(v);
                parseArguments(c, depth + 1);
                if (failed())
                    return v;
                c.span = spanFrom(start);
                v = c;
            } else if (isOp(peek(), "[")) {
                next();
                Value sub;
                sub.kind = Value::Kind::Subscript;
                sub.object = std::make_shared<const Value>(v);
                if (isOp(peek(), ":")) {
                    skipToSeparator();
                    sub.items.push_back(unknown(QStringLiteral("slice")));
                } else {
                    Value idx = parseTest(depth + 1);
                    if (isOp(peek(), ":")) {
                        skipToSeparator();
                        idx = unknown(QStringLiteral("slice"));
                    }
                    sub.items.push_back(idx);
                    while (isOp(peek(), ",")) {
                        next();
                        if (isOp(peek(), "]"))
                            break;
                        sub.items.push_back(parseTest(depth + 1));
                    }
                }
                if (!expectOp("]"))
                    return v;
                sub.span = spanFrom(start);
                v = sub;
            } else {
                break;
            }
        }
        return v;
    }

private:
    void parseArguments(Value& call, int depth)
    {
        while (!failed()) {
            if (isOp(peek(), ")")) {
                next();
                return;
            }
            if (peek().type == Token::Type::End || m_pos >= m_end) {
                fail(QStringLiteral("unclosed '(' in call"));
                return;
            }
            const int argStart = m_pos;
            if (peek().type == Token::Type::Name && isOp(peek(1), "=")) {
                const QString name = next().text;
                next();
                Value val = parseTest(depth + 1);
                call.keywordNames.append(name);
                call.keywordValues.push_back(val);
                call.keywordSpans.push_back(spanFrom(argStart));
            } else if (isOp(peek(), "*") || isOp(peek(), "**")) {
                const QString star = next().text;
                Value inner = parseTest(depth + 1);
                Value u = unknown(QStringLiteral("%1%2 unpacking").arg(star, inner.repr()));
                u.span = spanFrom(argStart);
                if (star == L("**")) {
                    call.keywordNames.append(QStringLiteral("**"));
                    call.keywordValues.push_back(u);
                    call.keywordSpans.push_back(u.span);
                } else {
                    call.items.push_back(u);
                }
            } else {
                Value arg = parseTest(depth + 1);
                if (isName(peek(), "for")) {
                    arg = parseComprehensionTail(arg, argStart, depth + 1);
                }
                call.items.push_back(arg);
            }
            if (isOp(peek(), ",")) {
                next();
                continue;
            }
            if (!isOp(peek(), ")")) {
                fail(QStringLiteral("expected ',' or ')' in call but found '%1'").arg(peek().text));
                return;
            }
        }
    }

    Value parseComprehensionTail(const Value& element, int start, int depth)
    {
        // element already parsed; at 'for'
        next();
        Value c;
        c.kind = Value::Kind::Comprehension;
        c.object = std::make_shared<const Value>(element);
        if (peek().type == Token::Type::Name && isName(peek(1), "in")) {
            c.loopVariable = next().text;
        } else {
            // tuple targets etc.: not understood, but keep parsing to stay in sync
            while (!atEnd() && !isName(peek(), "in"))
                next();
            c.loopVariable.clear();
        }
        if (!isName(peek(), "in"))
            return fail(QStringLiteral("expected 'in' in comprehension"));
        next();
        c.loopIterable = std::make_shared<const Value>(parseOr(depth + 1));
        bool nested = false;
        while (!failed() && (isName(peek(), "if") || isName(peek(), "for") || isName(peek(), "async"))) {
            if (isName(peek(), "if")) {
                next();
                Value cond = parseOr(depth + 1);
                if (!c.loopCondition)
                    c.loopCondition = std::make_shared<const Value>(cond);
                else
                    nested = true;
            } else {
                nested = true;
                skipToSeparator();
            }
        }
        c.span = spanFrom(start);
        if (nested || c.loopVariable.isEmpty()) {
            Value u = unknown(QStringLiteral("complex comprehension"));
            u.span = c.span;
            return u;
        }
        return c;
    }

    Value parseAtom(int depth)
    {
        if (depth > m_limits.maxDepth)
            return fail(QStringLiteral("expression nested deeper than %1 levels").arg(m_limits.maxDepth));
        const int start = m_pos;
        const Token& t = peek();
        switch (t.type) {
        case Token::Type::Name: {
            next();
            Value v;
            v.span = t.span;
            if (t.text == L("None")) {
                v.kind = Value::Kind::None;
            } else if (t.text == L("True") || t.text == L("False")) {
                v.kind = Value::Kind::Bool;
                v.boolValue = t.text == L("True");
            } else if (keywords().contains(t.text)) {
                return fail(QStringLiteral("unexpected keyword '%1'").arg(t.text));
            } else {
                v.kind = Value::Kind::Name;
                v.text = t.text;
            }
            return v;
        }
        case Token::Type::Number: {
            next();
            Value v;
            v.span = t.span;
            QString n = t.text;
            n.remove(QLatin1Char('_'));
            bool ok = false;
            qint64 iv = 0;
            if (n.startsWith(L("0x"), Qt::CaseInsensitive))
                iv = n.mid(2).toLongLong(&ok, 16);
            else if (n.startsWith(L("0o"), Qt::CaseInsensitive))
                iv = n.mid(2).toLongLong(&ok, 8);
            else if (n.startsWith(L("0b"), Qt::CaseInsensitive))
                iv = n.mid(2).toLongLong(&ok, 2);
            else
                iv = n.toLongLong(&ok, 10);
            if (ok) {
                v.kind = Value::Kind::Int;
                v.intValue = iv;
                return v;
            }
            const double d = n.toDouble(&ok);
            if (ok) {
                v.kind = Value::Kind::Float;
                v.floatValue = d;
                return v;
            }
            return unknown(QStringLiteral("number %1").arg(t.text), t.span);
        }
        case Token::Type::String: {
            Value v = decodeString(next());
            // Adjacent literals concatenate.
            while (peek().type == Token::Type::String && !failed()) {
                Value more = decodeString(next());
                v.text += more.text;
                v.isFString = v.isFString || more.isFString;
            }
            v.span = spanFrom(start);
            return v;
        }
        case Token::Type::Op:
            break;
        default:
            return fail(QStringLiteral("unexpected end of expression"));
        }
        if (isOp(t, "(")) {
            next();
            if (isOp(peek(), ")")) {
                next();
                Value v;
                v.kind = Value::Kind::Tuple;
                v.span = spanFrom(start);
                return v;
            }
            Value first = parseStarredOrTest(depth + 1);
            if (isName(peek(), "for")) {
                Value c = parseComprehensionTail(first, start, depth + 1);
                expectOp(")");
                c.span = spanFrom(start);
                return c;
            }
            if (isOp(peek(), ")")) {
                next();
                first.span = spanFrom(start); // include the parentheses
                return first;
            }
            Value tup;
            tup.kind = Value::Kind::Tuple;
            tup.items.push_back(first);
            while (isOp(peek(), ",") && !failed()) {
                next();
                if (isOp(peek(), ")"))
                    break;
                tup.items.push_back(parseStarredOrTest(depth + 1));
            }
            expectOp(")");
            tup.span = spanFrom(start);
            return tup;
        }
        if (isOp(t, "[")) {
            next();
            Value list;
            list.kind = Value::Kind::List;
            if (isOp(peek(), "]")) {
                next();
                list.span = spanFrom(start);
                return list;
            }
            Value first = parseStarredOrTest(depth + 1);
            if (isName(peek(), "for")) {
                Value c = parseComprehensionTail(first, start, depth + 1);
                expectOp("]");
                c.span = spanFrom(start);
                return c;
            }
            list.items.push_back(first);
            while (isOp(peek(), ",") && !failed()) {
                next();
                if (isOp(peek(), "]"))
                    break;
                list.items.push_back(parseStarredOrTest(depth + 1));
            }
            expectOp("]");
            list.span = spanFrom(start);
            return list;
        }
        if (isOp(t, "{")) {
            next();
            Value d;
            d.kind = Value::Kind::Dict;
            if (isOp(peek(), "}")) {
                next();
                d.span = spanFrom(start);
                return d;
            }
            bool isDict = false;
            bool first = true;
            while (!failed()) {
                if (isOp(peek(), "**")) {
                    next();
                    Value inner = parseOr(depth + 1);
                    d.keys.push_back(unknown(QStringLiteral("**%1 unpacking").arg(inner.repr())));
                    d.items.push_back(unknown(QStringLiteral("**%1 unpacking").arg(inner.repr())));
                    isDict = true;
                } else {
                    Value k = parseStarredOrTest(depth + 1);
                    if (first && isOp(peek(), ":")) {
                        isDict = true;
                    }
                    if (isDict) {
                        if (!expectOp(":"))
                            break;
                        Value val = parseTest(depth + 1);
                        if (first && isName(peek(), "for")) {
                            skipToSeparator();
                            expectOp("}");
                            Value u = unknown(QStringLiteral("dict comprehension"));
                            u.span = spanFrom(start);
                            return u;
                        }
                        d.keys.push_back(k);
                        d.items.push_back(val);
                    } else {
                        if (first && isName(peek(), "for")) {
                            Value c = parseComprehensionTail(k, start, depth + 1);
                            expectOp("}");
                            c.span = spanFrom(start);
                            return c;
                        }
                        d.items.push_back(k);
                    }
                }
                first = false;
                if (isOp(peek(), ",")) {
                    next();
                    if (isOp(peek(), "}"))
                        break;
                    continue;
                }
                break;
            }
            expectOp("}");
            if (!isDict)
                d.kind = Value::Kind::Set;
            d.span = spanFrom(start);
            return d;
        }
        if (isOp(t, "...")) {
            next();
            return unknown(QStringLiteral("Ellipsis"), t.span);
        }
        return fail(QStringLiteral("unexpected '%1'").arg(t.text));
    }

    Value parseStarredOrTest(int depth)
    {
        if (isOp(peek(), "*")) {
            const int start = m_pos;
            next();
            Value inner = parseOr(depth + 1);
            Value u = unknown(QStringLiteral("*%1 unpacking").arg(inner.repr()));
            u.items = { inner };
            u.span = spanFrom(start);
            return u;
        }
        return parseTest(depth);
    }

    const QList<Token>& m_t;
    int m_pos;
    int m_end;
    const Limits& m_limits;
    QString m_error;
};

// ---------------------------------------------------------------------------------------------
// Module

Result<Value> parseExpression(QStringView source, const Limits& limits)
{
    auto mod = Module::parse(source, limits);
    if (!mod)
        return mod.error();
    const QList<Token>& toks = mod->tokens();
    Parser p(toks, 0, int(toks.size()), limits);
    Value v = p.parseExpressionList();
    if (p.failed())
        return makeError(ErrorCode::InvalidFormat, p.error());
    if (!p.atEnd())
        return makeError(ErrorCode::InvalidFormat,
            QStringLiteral("line %1: unexpected '%2' after the expression").arg(p.peek().span.line).arg(p.peek().text));
    return v;
}

Result<Module> Module::parse(QStringView source, const Limits& limits)
{
    Module m;
    m.m_limits = limits;
    if (source.size() > limits.maxBytes)
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("the snippet is %1 characters long; the limit is %2").arg(source.size()).arg(limits.maxBytes));
    for (qsizetype i = 0; i < source.size(); ++i) {
        const char16_t c = source[i].unicode();
        if (c == 0 || c == 0xFFFD) {
            int line = 1;
            for (qsizetype k = 0; k < i; ++k)
                line += source[k] == QLatin1Char('\n') ? 1 : 0;
            return makeError(ErrorCode::BinaryInput,
                QStringLiteral("line %1: the snippet contains binary data (%2 at offset %3), not Python source")
                    .arg(line)
                    .arg(c == 0 ? QStringLiteral("a NUL byte") : QStringLiteral("invalid UTF-8"))
                    .arg(i));
        }
    }
    m.m_source = source.toString();
    Tokenizer tz { m.m_source, limits, m.m_lineStarts, {}, 0, 1, 0 };
    if (auto e = tz.run())
        return *e;
    m.m_tokens = std::move(tz.tokens);

    // Logical lines.
    {
        int first = 0;
        for (int i = 0; i < m.m_tokens.size(); ++i) {
            const Token& t = m.m_tokens.at(i);
            if (t.type == Token::Type::Newline || t.type == Token::Type::End) {
                if (i > first) {
                    LogicalLine ll;
                    ll.firstToken = first;
                    ll.endToken = i;
                    ll.indent = m.m_tokens.at(first).span.column - 1;
                    ll.span = m.m_tokens.at(first).span;
                    ll.span.end = m.m_tokens.at(i - 1).span.end;
                    ll.span.endLine = m.m_tokens.at(i - 1).span.endLine;
                    m.m_tokens[first].indent = ll.indent;
                    m.m_lines.append(ll);
                }
                first = i + 1;
            }
        }
    }

    // Statements.
    QList<Value> pendingDecorators;
    struct OpenFn {
        int index = -1;
        int indent = 0;
        int bodyIndent = -1;
        bool open = false;
        explicit operator bool() const { return open; }
        OpenFn* operator->() { return this; }
        void reset() { open = false; }
    };
    // A plain struct with an `open` flag rather than std::optional: GCC 12 -O3 reports a
    // false -Wmaybe-uninitialized through std::optional here.
    OpenFn openFn;
    struct OpenLoop {
        int index = -1;
        int indent = 0;
    };
    QList<OpenLoop> openLoops;
    for (int li = 0; li < m.m_lines.size(); ++li) {
        const LogicalLine& ll = m.m_lines.at(li);
        // Close function / loop bodies by indentation.
        if (openFn && ll.indent <= openFn->indent)
            openFn.reset();
        while (!openLoops.isEmpty() && ll.indent <= openLoops.last().indent)
            openLoops.removeLast();
        if (openFn) {
            if (openFn->bodyIndent < 0)
                openFn->bodyIndent = ll.indent;
            m.m_functions[openFn->index].bodyEndLine = li;
        }
        for (const OpenLoop& l : openLoops)
            m.m_forLoops[l.index].bodyEndLine = li;

        int k = ll.firstToken;
        const int end = ll.endToken;
        const Token& t0 = m.m_tokens.at(k);
        if (isOp(t0, "@")) {
            Parser p(m.m_tokens, k + 1, end, limits);
            Value d = p.parsePostfix(0);
            if (!p.failed())
                pendingDecorators.append(d);
            else
                m.m_warnings << p.error();
            continue;
        }
        if (isName(t0, "async"))
            ++k;
        const Token& t = m.m_tokens.at(k);
        if (isName(t, "def")) {
            FunctionDef f;
            if (k + 1 < end)
                f.name = m.m_tokens.at(k + 1).text;
            f.defLine = li;
            f.bodyEndLine = li;
            f.decorators = pendingDecorators;
            f.span = ll.span;
            pendingDecorators.clear();
            m.m_functions.append(f);
            openFn = OpenFn { int(m.m_functions.size() - 1), ll.indent, -1, true };
            continue;
        }
        if (isName(t, "class")) {
            pendingDecorators.clear();
            continue;
        }
        if (isName(t, "import") || isName(t, "from")) {
            QString module;
            int j = k + 1;
            if (isName(t, "from")) {
                while (j < end && !isName(m.m_tokens.at(j), "import"))
                    module += m.m_tokens.at(j++).text;
                ++j;
            }
            QString current;
            bool skipAlias = false;
            for (; j < end; ++j) {
                const Token& tk = m.m_tokens.at(j);
                if (isOp(tk, "(") || isOp(tk, ")"))
                    continue;
                if (isOp(tk, ",")) {
                    if (!current.isEmpty())
                        m.m_imports << (module.isEmpty() ? current : module + QLatin1Char('.') + current);
                    current.clear();
                    skipAlias = false;
                    continue;
                }
                if (isName(tk, "as")) {
                    skipAlias = true;
                    continue;
                }
                if (!skipAlias)
                    current += tk.text;
            }
            if (!current.isEmpty())
                m.m_imports << (module.isEmpty() ? current : module + QLatin1Char('.') + current);
            continue;
        }
        if (isName(t, "for")) {
            if (k + 2 < end && m.m_tokens.at(k + 1).type == Token::Type::Name && isName(m.m_tokens.at(k + 2), "in")) {
                Parser p(m.m_tokens, k + 3, end, limits);
                Value it = p.parseExpression();
                ForLoop fl;
                fl.variable = m.m_tokens.at(k + 1).text;
                fl.iterable = it;
                fl.offset = t.span.begin;
                fl.indent = ll.indent;
                fl.bodyEndLine = li;
                // one-line body: `for r in routes: cors.add(r)`
                m.m_forLoops.append(fl);
                openLoops.append(OpenLoop { int(m.m_forLoops.size() - 1), ll.indent });
            }
            continue;
        }
        if (isName(t, "raise")) {
            if (openFn) {
                Parser p(m.m_tokens, k + 1, end, limits);
                Value r = p.parseExpression();
                FunctionDef& f = m.m_functions[openFn->index];
                f.raises.append(r);
                if (ll.indent == openFn->bodyIndent)
                    f.raisesUnconditionally = true;
            }
            continue;
        }
        if (t.type == Token::Type::Name && keywords().contains(t.text) && !isName(t, "await"))
            continue;
        // Assignments: find top-level '=' or augmented assignment.
        int depth = 0;
        QList<int> eqs;
        int augmented = -1;
        for (int j = k; j < end; ++j) {
            const Token& tk = m.m_tokens.at(j);
            if (tk.type != Token::Type::Op)
                continue;
            if (tk.text == L("(") || tk.text == L("[") || tk.text == L("{"))
                ++depth;
            else if (tk.text == L(")") || tk.text == L("]") || tk.text == L("}"))
                --depth;
            else if (depth == 0 && tk.text == L("="))
                eqs.append(j);
            else if (depth == 0 && augmented < 0 && eqs.isEmpty() && tk.text.size() == 2 && tk.text.endsWith(QLatin1Char('='))
                && tk.text != L("==") && tk.text != L("!=") && tk.text != L("<=") && tk.text != L(">="))
                augmented = j;
        }
        if (eqs.isEmpty() && augmented < 0)
            continue;
        const int rhsStart = (augmented >= 0 ? augmented : eqs.last()) + 1;
        Parser rp(m.m_tokens, rhsStart, end, limits);
        Value rhs = rp.parseExpressionList();
        if (rp.failed()) {
            m.m_warnings << rp.error();
            continue;
        }
        QList<QPair<int, int>> targets;
        if (augmented >= 0) {
            targets.append({ k, augmented });
        } else {
            int from = k;
            for (int e : eqs) {
                targets.append({ from, e });
                from = e + 1;
            }
        }
        for (const auto& [tb, te] : targets) {
            int tEnd = te;
            // annotation `name: Type = value`
            for (int j = tb; j < te; ++j) {
                if (isOp(m.m_tokens.at(j), ":")) {
                    tEnd = j;
                    break;
                }
            }
            Parser tp(m.m_tokens, tb, tEnd, limits);
            Value target = tp.parsePostfix(0);
            if (tp.failed() || tp.pos() != tEnd)
                continue;
            QString name = target.dottedName();
            if (name.isEmpty() && target.kind == Value::Kind::Subscript && target.object && !target.items.empty()
                && target.items.front().kind == Value::Kind::Str) {
                const QString base = target.object->dottedName();
                if (!base.isEmpty())
                    name = base + QLatin1Char('[') + target.items.front().text + QLatin1Char(']');
            }
            if (name.isEmpty())
                continue;
            Binding b;
            b.target = name;
            b.offset = t0.span.begin;
            b.statementSpan = ll.span;
            if (augmented >= 0) {
                b.augmented = true;
                Value op;
                op.kind = Value::Kind::BinOp;
                op.text = m.m_tokens.at(augmented).text.left(1);
                Value prev;
                prev.kind = Value::Kind::Name;
                prev.text = name;
                prev.span = target.span;
                op.items = { prev, rhs };
                op.span = rhs.span;
                b.value = op;
            } else {
                b.value = rhs;
            }
            m.m_bindings.append(b);
        }
    }

    // Calls anywhere (decorators, arguments, statement bodies).
    for (int i = 0; i < m.m_tokens.size(); ++i) {
        const Token& t = m.m_tokens.at(i);
        if (t.type != Token::Type::Name || keywords().contains(t.text))
            continue;
        if (i > 0 && (isOp(m.m_tokens.at(i - 1), ".") || isName(m.m_tokens.at(i - 1), "def") || isName(m.m_tokens.at(i - 1), "class")))
            continue;
        int j = i;
        while (j + 2 < m.m_tokens.size() && isOp(m.m_tokens.at(j + 1), ".") && m.m_tokens.at(j + 2).type == Token::Type::Name)
            j += 2;
        if (j + 1 >= m.m_tokens.size() || !isOp(m.m_tokens.at(j + 1), "("))
            continue;
        if (!interestingCallees().contains(m.m_tokens.at(j).text))
            continue;
        // Find the logical line and its end for bounds.
        int lineIndex = -1;
        {
            int lo = 0, hi = int(m.m_lines.size()) - 1;
            while (lo <= hi) {
                const int mid = (lo + hi) / 2;
                if (m.m_lines.at(mid).endToken <= i)
                    lo = mid + 1;
                else if (m.m_lines.at(mid).firstToken > i)
                    hi = mid - 1;
                else {
                    lineIndex = mid;
                    break;
                }
            }
        }
        const int end = lineIndex >= 0 ? m.m_lines.at(lineIndex).endToken : int(m.m_tokens.size());
        Parser p(m.m_tokens, i, end, limits);
        // Parse exactly the dotted chain and the first call.
        Value v = p.parsePostfix(0);
        if (p.failed()) {
            m.m_warnings << p.error();
            continue;
        }
        // parsePostfix may continue past the call (`x.f(...).g`); dig out the call at j+1.
        const Value* call = &v;
        while (call && !(call->kind == Value::Kind::Call && call->object && call->object->span.end == m.m_tokens.at(j).span.end)) {
            call = call->object ? call->object.get() : nullptr;
        }
        if (!call)
            continue;
        CallSite cs;
        cs.call = *call;
        cs.offset = t.span.begin;
        cs.logicalLine = lineIndex;
        m.m_calls.append(cs);
    }
    return m;
}

const Binding* Module::bindingBefore(QStringView target, qsizetype offset) const
{
    const Binding* best = nullptr;
    for (const Binding& b : m_bindings) {
        if (b.offset < offset && b.target == target)
            best = &b;
    }
    return best;
}

int Module::lineAt(qsizetype offset) const
{
    auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    return int(it - m_lineStarts.begin());
}

QString Module::lineText(int line) const
{
    if (line < 1 || line > m_lineStarts.size())
        return {};
    const qsizetype b = m_lineStarts.at(line - 1);
    qsizetype e = m_source.indexOf(QLatin1Char('\n'), b);
    if (e < 0)
        e = m_source.size();
    return m_source.mid(b, e - b);
}

Value Module::evaluate(const Value& expr, qsizetype offset) const { return evaluate(expr, offset, 0, nullptr); }

Value Module::evaluate(const Value& expr, qsizetype offset, int depth, const QHash<QString, Value>* locals) const
{
    if (depth > m_limits.maxDepth)
        return unknown(QStringLiteral("names refer to each other too deeply"), expr.span);
    using K = Value::Kind;
    auto eval = [&](const Value& v) { return evaluate(v, offset, depth + 1, locals); };
    switch (expr.kind) {
    case K::None:
    case K::Bool:
    case K::Int:
    case K::Float:
    case K::Str:
    case K::Lambda:
        return expr;
    case K::Unknown: {
        Value out = expr;
        for (Value& it : out.items)
            it = eval(it);
        return out;
    }
    case K::List:
    case K::Tuple:
    case K::Set: {
        Value out = expr;
        for (Value& it : out.items) {
            it = eval(it);
            mergeFlags(out, it);
        }
        return out;
    }
    case K::Dict: {
        Value out = expr;
        for (Value& it : out.items) {
            it = eval(it);
            mergeFlags(out, it);
        }
        for (Value& it : out.keys)
            it = eval(it);
        return out;
    }
    case K::Name: {
        if (locals) {
            auto it = locals->constFind(expr.text);
            if (it != locals->constEnd())
                return *it;
        }
        const Binding* b = bindingBefore(expr.text, offset);
        if (!b)
            return expr; // unresolved: stays a Name
        Value v = evaluate(b->value, b->offset, depth + 1, nullptr);
        v.span = b->value.span; // where the value is written (for edits)
        return v;
    }
    case K::Attribute: {
        Value out = expr;
        const QString dn = expr.dottedName();
        if (!dn.isEmpty()) {
            if (const Binding* b = bindingBefore(dn, offset)) {
                Value v = evaluate(b->value, b->offset, depth + 1, nullptr);
                v.span = b->value.span;
                return v;
            }
        }
        return out;
    }
    case K::Subscript: {
        const QString base = expr.object ? expr.object->dottedName() : QString();
        const Value* idx = expr.items.empty() ? nullptr : &expr.items.front();
        if (idx && idx->kind == K::Str && (base == L("os.environ") || base == L("environ"))) {
            Value u = unknown(QStringLiteral("environment variable %1 (no default in the snippet)").arg(idx->text), expr.span);
            u.environmentDependent = true;
            u.environmentVariables << idx->text;
            return u;
        }
        if (idx && idx->kind == K::Str && !base.isEmpty()) {
            if (const Binding* b = bindingBefore(base + QLatin1Char('[') + idx->text + QLatin1Char(']'), offset)) {
                Value v = evaluate(b->value, b->offset, depth + 1, nullptr);
                v.span = b->value.span;
                return v;
            }
        }
        Value obj = expr.object ? eval(*expr.object) : Value {};
        if (idx && obj.kind == K::Dict) {
            const Value key = eval(*idx);
            for (size_t i = 0; i < obj.keys.size(); ++i) {
                if (obj.keys[i].kind == key.kind && obj.keys[i].text == key.text && key.kind == K::Str)
                    return obj.items[i];
            }
        }
        if (idx && obj.isSequence()) {
            const Value key = eval(*idx);
            if (key.kind == K::Int) {
                qint64 n = key.intValue;
                if (n < 0)
                    n += qint64(obj.items.size());
                if (n >= 0 && n < qint64(obj.items.size()))
                    return obj.items[size_t(n)];
            }
        }
        return unknown(QStringLiteral("subscript %1").arg(expr.repr()), expr.span);
    }
    case K::BinOp: {
        if (expr.items.size() != 2)
            return unknown(QStringLiteral("operator"), expr.span);
        Value a = eval(expr.items[0]);
        Value b = eval(expr.items[1]);
        Value out;
        out.span = expr.span;
        if (expr.text == L("+") && a.kind == K::Str && b.kind == K::Str) {
            out = a;
            out.text = a.text + b.text;
            mergeFlags(out, b);
            out.span = expr.span;
            return out;
        }
        if (expr.text == L("+") && a.kind == b.kind && (a.kind == K::List || a.kind == K::Tuple)) {
            out = a;
            for (const Value& v : b.items)
                out.items.push_back(v);
            mergeFlags(out, b);
            out.span = expr.span;
            return out;
        }
        if (expr.text == L("|") && (a.kind == K::Set || a.kind == K::Dict) && a.kind == b.kind) {
            out = a;
            for (const Value& v : b.items)
                out.items.push_back(v);
            for (const Value& v : b.keys)
                out.keys.push_back(v);
            out.span = expr.span;
            return out;
        }
        if (a.kind == K::Int && b.kind == K::Int) {
            out.kind = K::Int;
            if (expr.text == L("+"))
                out.intValue = a.intValue + b.intValue;
            else if (expr.text == L("-"))
                out.intValue = a.intValue - b.intValue;
            else if (expr.text == L("*"))
                out.intValue = a.intValue * b.intValue;
            else
                return unknown(QStringLiteral("arithmetic '%1'").arg(expr.text), expr.span);
            return out;
        }
        Value u = unknown(QStringLiteral("'%1' on %2 and %3").arg(expr.text, a.repr(), b.repr()), expr.span);
        mergeFlags(u, a);
        mergeFlags(u, b);
        return u;
    }
    case K::BoolOp: {
        // `os.getenv("X") or "default"`: the first operand that is known truthy, else the last.
        if (expr.text == L("or")) {
            Value envFlags;
            for (size_t i = 0; i < expr.items.size(); ++i) {
                Value v = eval(expr.items[i]);
                const bool last = i + 1 == expr.items.size();
                if (v.environmentDependent && (v.kind == K::None || v.kind == K::Unknown)) {
                    mergeFlags(envFlags, v);
                    continue;
                }
                bool truthy = false;
                bool known = true;
                switch (v.kind) {
                case K::None: truthy = false; break;
                case K::Bool: truthy = v.boolValue; break;
                case K::Int: truthy = v.intValue != 0; break;
                case K::Str: truthy = !v.text.isEmpty(); break;
                case K::List:
                case K::Tuple:
                case K::Set:
                case K::Dict: truthy = !v.items.empty(); break;
                default: known = false;
                }
                if (!known) {
                    Value u = unknown(QStringLiteral("'or' over %1").arg(v.repr()), expr.span);
                    mergeFlags(u, v);
                    mergeFlags(u, envFlags);
                    return u;
                }
                if (truthy || last) {
                    mergeFlags(v, envFlags);
                    return v;
                }
            }
            return unknown(QStringLiteral("'or' expression"), expr.span);
        }
        return unknown(QStringLiteral("'%1' expression").arg(expr.text), expr.span);
    }
    case K::Comprehension: {
        if (!expr.loopIterable || !expr.object)
            return unknown(QStringLiteral("comprehension"), expr.span);
        Value it = eval(*expr.loopIterable);
        if (!it.isSequence()) {
            Value u = unknown(QStringLiteral("comprehension over %1").arg(it.repr()), expr.span);
            mergeFlags(u, it);
            return u;
        }
        Value out;
        out.kind = K::List;
        out.span = expr.span;
        mergeFlags(out, it);
        for (const Value& item : it.items) {
            QHash<QString, Value> inner = locals ? *locals : QHash<QString, Value> {};
            inner.insert(expr.loopVariable, item);
            if (expr.loopCondition) {
                const Value c = evaluate(*expr.loopCondition, offset, depth + 1, &inner);
                bool keep = true;
                if (c.kind == K::Str)
                    keep = !c.text.isEmpty();
                else if (c.kind == K::Bool)
                    keep = c.boolValue;
                else if (c.kind == K::None)
                    keep = false;
                else
                    return unknown(QStringLiteral("comprehension filter %1").arg(expr.loopCondition->repr()), expr.span);
                if (!keep)
                    continue;
            }
            Value e = evaluate(*expr.object, offset, depth + 1, &inner);
            mergeFlags(out, e);
            out.items.push_back(e);
        }
        return out;
    }
    case K::Call:
        break;
    }

    // Calls.
    const QString callee = expr.calleeName();
    Value out = expr;
    for (Value& a : out.items)
        a = eval(a);
    for (Value& a : out.keywordValues)
        a = eval(a);
    auto arg = [&](int i) -> const Value* { return out.argument(i); };
    const bool envGet = callee == L("os.environ.get") || callee == L("environ.get") || callee == L("os.getenv")
        || callee == L("getenv");
    if (envGet) {
        const Value* key = arg(0);
        const Value* def = arg(1) ? arg(1) : out.keyword(u"default");
        Value v;
        if (def) {
            v = *def;
        } else {
            v.kind = K::None;
        }
        v.environmentDependent = true;
        if (key && key->kind == K::Str)
            v.environmentVariables << key->text;
        else
            v.environmentVariables << QStringLiteral("?");
        v.span = expr.span;
        return v;
    }
    if (callee == L("re.compile") || callee == L("compile")) {
        if (const Value* p = arg(0); p && p->kind == K::Str) {
            Value v = *p;
            v.regex = true;
            v.span = expr.span;
            return v;
        }
    }
    if (callee == L("list") || callee == L("tuple") || callee == L("set") || callee == L("frozenset")) {
        const Value* p = arg(0);
        Value v;
        v.kind = callee == L("list") ? K::List : callee == L("tuple") ? K::Tuple : K::Set;
        v.span = expr.span;
        if (!p)
            return v;
        if (p->isSequence() || p->kind == K::Dict) {
            v.items = p->kind == K::Dict ? p->keys : p->items;
            mergeFlags(v, *p);
            return v;
        }
        if (p->kind == K::Str) {
            for (QChar c : p->text) {
                Value ch;
                ch.kind = K::Str;
                ch.text = QString(c);
                v.items.push_back(ch);
            }
            mergeFlags(v, *p);
            return v;
        }
    }
    if (callee == L("str") && arg(0) && arg(0)->kind == K::Str)
        return *arg(0);
    if (callee == L("int") && arg(0)) {
        const Value* p = arg(0);
        if (p->kind == K::Int)
            return *p;
        if (p->kind == K::Str) {
            bool ok = false;
            const qint64 n = p->text.trimmed().toLongLong(&ok);
            if (ok) {
                Value v;
                v.kind = K::Int;
                v.intValue = n;
                mergeFlags(v, *p);
                v.span = expr.span;
                return v;
            }
        }
    }
    if (callee == L("bool") && arg(0) && arg(0)->kind == K::Bool)
        return *arg(0);
    // Methods on evaluated objects: "a,b".split(","), x.strip(), x.lower().
    if (expr.object && expr.object->kind == K::Attribute && expr.object->object) {
        const QString method = expr.object->text;
        Value self = eval(*expr.object->object);
        if (self.kind == K::Str) {
            Value v = self;
            v.span = expr.span;
            if (method == L("split")) {
                const Value* sep = arg(0) ? arg(0) : out.keyword(u"sep");
                Value list;
                list.kind = K::List;
                list.span = expr.span;
                mergeFlags(list, self);
                QStringList parts;
                if (sep && sep->kind == K::Str && !sep->text.isEmpty())
                    parts = self.text.split(sep->text);
                else
                    parts = self.text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
                for (const QString& part : parts) {
                    Value s;
                    s.kind = K::Str;
                    s.text = part;
                    mergeFlags(s, self);
                    s.span = expr.span;
                    list.items.push_back(s);
                }
                return list;
            }
            if (method == L("strip") && !arg(0)) {
                v.text = v.text.trimmed();
                return v;
            }
            if (method == L("rstrip") && arg(0) && arg(0)->kind == K::Str) {
                while (!v.text.isEmpty() && arg(0)->text.contains(v.text.back()))
                    v.text.chop(1);
                return v;
            }
            if (method == L("lower")) {
                v.text = v.text.toLower();
                return v;
            }
            if (method == L("upper")) {
                v.text = v.text.toUpper();
                return v;
            }
            if (method == L("format") || method == L("join") || method == L("replace")) {
                Value u = unknown(QStringLiteral("str.%1() call").arg(method), expr.span);
                mergeFlags(u, self);
                return u;
            }
        }
    }
    return out;
}

} // namespace corsbench::frameworks::py
