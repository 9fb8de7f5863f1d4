// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/presenters/diagnose_presenter.h"

#include "core/ingest/har_reader.h"
#include "core/ingest/ingest.h"
#include "core/io/exchange_json.h"
#include "core/io/input_file.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <exception>

namespace corsbench::ui {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

/// Pasted binary rarely contains NUL (the clipboard stops there) but is full of replacement
/// and control characters.
bool looksBinary(const QString& text)
{
    if (text.contains(QChar(u'\0')))
        return true;
    if (text.size() < 64)
        return false;
    qsizetype odd = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == 0xFFFD || (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r'))
            ++odd;
    }
    return odd * 20 > text.size(); // more than 5 %
}

QString outcomeSummary(const diagnosis::Diagnosis& d)
{
    const int detected = int(d.input.evidence.size());
    if (detected == 0 && d.causes.isEmpty())
        return QObject::tr(
            "Nothing in the paste was recognised as CORS evidence. Paste the browser console line "
            "(\"Access to fetch at … has been blocked by CORS policy: …\"), server log lines, a HAR or a "
            "cURL command.");
    // No translations are loaded, so plurals are spelled out rather than left to "%n (s)".
    QString text = detected == 1 ? QObject::tr("1 piece of evidence detected")
                                 : QObject::tr("%1 pieces of evidence detected").arg(detected);
    if (d.causes.isEmpty())
        return text + QObject::tr(" · no cause identified");
    const diagnosis::Cause& top = d.causes.first();
    text += d.causes.size() == 1 ? QObject::tr(" · 1 cause") : QObject::tr(" · %1 causes").arg(d.causes.size());
    text += QObject::tr(" · most likely: %1 (%2 %)").arg(top.title).arg(qRound(top.confidence * 100));
    return text;
}

} // namespace

Result<DroppedInput> readDroppedFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return makeError(ErrorCode::IoError, QObject::tr("%1 is not a file").arg(path));
    const qint64 size = info.size();
    const bool harName = info.suffix().compare(QStringLiteral("har"), Qt::CaseInsensitive) == 0;
    if (size > kMaxPasteBytes) {
        // Too large for the box: a HAR is read from its file by the worker, anything else is refused.
        bool har = harName;
        if (!har) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                har = ingest::HarReader::looksLikeHar(file.read(4096));
        }
        if (!har)
            return makeError(ErrorCode::TooLarge,
                QObject::tr("%1 is %2 MB; the paste box takes up to %3 MB. Paste the relevant lines instead.")
                    .arg(info.fileName(), megabytes(size), megabytes(kMaxPasteBytes)));
        if (size > kMaxHarFileBytes)
            return makeError(ErrorCode::TooLarge,
                QObject::tr("%1 is %2 MB; HAR files up to %3 MB are read. Export only the failing requests.")
                    .arg(info.fileName(), megabytes(size), megabytes(kMaxHarFileBytes)));
        return DroppedInput { {}, info.absoluteFilePath(), size };
    }
    Result<QByteArray> bytes = io::readInput(path, kMaxPasteBytes);
    if (!bytes)
        return bytes.error();
    if (const Result<bool> text = io::checkText(bytes.value()); !text)
        return makeError(ErrorCode::BinaryInput,
            QObject::tr("%1 is not a text file (%2). Drop a HAR, a log, a .py or .json file, or paste text.")
                .arg(info.fileName(), text.error().message));
    return DroppedInput { QString::fromUtf8(bytes.value()), {}, size };
}

QStringList splitCommandLine(const QString& command)
{
    QStringList out;
    QString current;
    bool inToken = false;
    QChar quote;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command.at(i);
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            } else if (c == u'\\' && quote == u'"' && i + 1 < command.size()) {
                current += command.at(++i);
            } else {
                current += c;
            }
        } else if (c == u'\'' || c == u'"') {
            quote = c;
            inToken = true;
        } else if (c == u'\\' && i + 1 < command.size()) {
            current += command.at(++i);
            inToken = true;
        } else if (c.isSpace()) {
            if (inToken)
                out.append(std::exchange(current, QString()));
            inToken = false;
        } else {
            current += c;
            inToken = true;
        }
    }
    if (inToken)
        out.append(current);
    return out;
}

std::optional<ProbeInput> probeInputForCause(const diagnosis::Cause& cause)
{
    ProbeInput input;
    if (cause.failing && !cause.failing->request.url.isEmpty()) {
        const http::Exchange& ex = *cause.failing;
        input.url = ex.request.url.toString();
        input.pageOrigin = ex.pageOrigin;
        input.method = QString::fromLatin1(ex.request.method.isEmpty() ? QByteArray("GET") : ex.request.method);
        QStringList headers;
        for (const auto& h : ex.request.headers) {
            // The prober sets these itself.
            if (h.name.compare("origin", Qt::CaseInsensitive) == 0 || h.name.compare("host", Qt::CaseInsensitive) == 0
                || h.name.compare("content-length", Qt::CaseInsensitive) == 0)
                continue;
            headers << QStringLiteral("%1: %2").arg(QString::fromLatin1(h.name), QString::fromUtf8(h.value));
        }
        input.headers = headers.join(u'\n');
        input.credentials = ex.request.credentials;
        return input;
    }
    const QStringList args = splitCommandLine(cause.probeCommand);
    const qsizetype probe = args.indexOf(QStringLiteral("probe"));
    if (probe < 0)
        return std::nullopt;
    QStringList headers;
    for (qsizetype i = probe + 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (a == u"--origin" && hasValue) {
            input.pageOrigin = args.at(++i);
        } else if ((a == u"-X" || a == u"--method") && hasValue) {
            input.method = args.at(++i);
        } else if ((a == u"-H" || a == u"--header") && hasValue) {
            headers << args.at(++i);
        } else if (a == u"--credentials" && hasValue) {
            if (auto mode = http::credentialsModeFromString(args.at(++i)))
                input.credentials = *mode;
        } else if (!a.startsWith(u'-') && input.url.isEmpty()) {
            input.url = a;
        }
    }
    if (input.url.isEmpty())
        return std::nullopt;
    input.headers = headers.join(u'\n');
    return input;
}

namespace {

const QString kRedacted = QStringLiteral("[redacted]");

/// Replaces capture group `valueGroup` of every match whose `nameGroup` names a secret header.
QString redactHeaderValues(const QString& text, const QRegularExpression& re, int nameGroup, int valueGroup)
{
    QString out;
    qsizetype last = 0;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!io::isSecretHeader(m.captured(nameGroup).toLatin1()) || m.capturedLength(valueGroup) == 0)
            continue;
        out += QStringView(text).mid(last, m.capturedStart(valueGroup) - last);
        out += kRedacted;
        last = m.capturedEnd(valueGroup);
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace

QString redactSecrets(const QString& input)
{
    static const QRegularExpression headerLine(
        QStringLiteral(R"re((?<![\w-])([A-Za-z][\w-]*)[ \t]*:[ \t]*([^'"\r\n]+))re"));
    static const QRegularExpression jsonPair(QStringLiteral(R"re(\[\s*"([^"\\]+)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*\])re"));
    static const QRegularExpression harPair(
        QStringLiteral(R"re("name"\s*:\s*"([^"\\]+)"\s*,\s*"value"\s*:\s*"((?:[^"\\]|\\.)*)")re"));
    static const QRegularExpression jsonMember(QStringLiteral(R"re("([^"\\]+)"\s*:\s*"((?:[^"\\]|\\.)*)")re"));
    static const QRegularExpression pythonMember(QStringLiteral(R"re('([^'\\]+)'\s*:\s*'((?:[^'\\]|\\.)*)')re"));
    static const QRegularExpression bearer(
        QStringLiteral(R"re(\b(Bearer)\s+[A-Za-z0-9._~+/=-]{4,})re"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression basic(QStringLiteral(R"re(\b(Basic|Digest)\s+[A-Za-z0-9+/]{8,}={0,2})re"));
    static const QRegularExpression userInfo(QStringLiteral(R"re((://[^/\s:@'"]+:)[^@\s/'"]+@)re"));
    static const QRegularExpression query(
        QStringLiteral(
            R"re(([?&](?:[\w.-]*token|api[_-]?key|key|password|passwd|secret|sig|signature|auth|code|session[\w-]*)=)[^&\s'"#]+)re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression curlCookie(QStringLiteral(R"re((\s(?:-b|--cookie)\s+)('[^']*'|"[^"]*"|\S+))re"));

    QString text = redactHeaderValues(input, headerLine, 1, 2);
    text = redactHeaderValues(text, jsonPair, 1, 2);
    text = redactHeaderValues(text, harPair, 1, 2);
    text = redactHeaderValues(text, jsonMember, 1, 2);
    text = redactHeaderValues(text, pythonMember, 1, 2);
    text.replace(bearer, QStringLiteral("\\1 ") + kRedacted);
    text.replace(basic, QStringLiteral("\\1 ") + kRedacted);
    text.replace(userInfo, QStringLiteral("\\1") + kRedacted + u'@');
    text.replace(query, QStringLiteral("\\1") + kRedacted);
    text.replace(curlCookie, QStringLiteral("\\1'") + kRedacted + u'\'');
    return text;
}

QString reportText(const DiagnoseOutcome& outcome, bool includeSecrets)
{
    const QString text = outcome.diagnosis ? diagnosis::toText(*outcome.diagnosis) : outcome.message + u'\n';
    return includeSecrets ? text : redactSecrets(text);
}

DiagnoseOutcome runDiagnosis(const DiagnoseRequest& request)
{
    DiagnoseOutcome out;
    out.request = request;
    QElapsedTimer timer;
    timer.start();
    try {
        diagnosis::DiagnoseOptions options;
        options.framework = request.framework.isEmpty() ? QStringLiteral("auto") : request.framework;
        if (!request.serverCode.trimmed().isEmpty())
            options.userSnippet = request.serverCode;
        if (!request.harPath.isEmpty()) {
            Result<ingest::IngestResult> ingested = ingest::ingestHarFile(request.harPath);
            if (!ingested) {
                out.message = QObject::tr("Cannot read %1: %2").arg(request.harPath, ingested.error().message);
            } else {
                out.diagnosis = diagnosis::diagnose(ingested.value(), options);
            }
        } else if (request.text.trimmed().isEmpty()) {
            out.message =
                QObject::tr("Paste what you have — browser console lines, a Python traceback, server or "
                            "access log lines, a cURL command, raw HTTP, a HAR — and the likely causes appear here.");
        } else if (looksBinary(request.text)) {
            out.message = QObject::tr("The paste looks like binary data, not text. Paste console lines, logs, a HAR, a "
                                      "cURL command or your server code.");
        } else {
            const QByteArray utf8 = request.text.toUtf8();
            if (utf8.size() > kMaxPasteBytes) {
                out.message = QObject::tr("The paste is %1 MB; up to %2 MB are diagnosed. Keep the failing request's "
                                          "lines, or drop the HAR file itself.")
                                  .arg(megabytes(utf8.size()), megabytes(kMaxPasteBytes));
            } else if (Result<diagnosis::Diagnosis> d = diagnosis::diagnoseText(utf8, options); d) {
                out.diagnosis = std::move(d).value();
            } else {
                out.message = d.error().code == ErrorCode::BinaryInput
                    ? QObject::tr("The paste looks like binary data, not text (%1).").arg(d.error().message)
                    : QObject::tr("Cannot read the paste: %1").arg(d.error().message);
            }
        }
    } catch (const std::exception& e) { // a worker must not let anything escape (bad_alloc)
        out.diagnosis.reset();
        out.message = QObject::tr("The diagnosis failed: %1").arg(QString::fromLocal8Bit(e.what()));
    }
    if (out.diagnosis)
        out.message = outcomeSummary(*out.diagnosis);
    out.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return out;
}

DiagnosePresenter::DiagnosePresenter(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<DiagnoseSnapshot>();
    m_pool.setMaxThreadCount(1);
}

DiagnosePresenter::~DiagnosePresenter()
{
    m_pool.waitForDone();
}

void DiagnosePresenter::diagnose(const DiagnoseRequest& request)
{
    const quint64 generation = ++m_generation;
    if (request.harPath.isEmpty() && request.text.trimmed().isEmpty()) {
        // Nothing to do off-thread; any running job's result is now stale.
        m_pending.reset();
        auto outcome = std::make_shared<DiagnoseOutcome>(runDiagnosis(request));
        outcome->generation = generation;
        publish(outcome);
        return;
    }
    m_pending = std::make_pair(generation, request);
    if (!m_running)
        startNext();
}

void DiagnosePresenter::startNext()
{
    if (!m_pending) {
        if (m_running) {
            m_running = false;
            Q_EMIT busyChanged(false);
        }
        return;
    }
    auto [generation, request] = *std::exchange(m_pending, std::nullopt);
    if (!m_running) {
        m_running = true;
        Q_EMIT busyChanged(true);
    }
    m_pool.start([this, generation, request = std::move(request)] {
        auto outcome = std::make_shared<DiagnoseOutcome>(runDiagnosis(request));
        outcome->generation = generation;
        // The destructor waits for this job, so `this` is alive while posting; the queued call is
        // dropped with the object.
        QMetaObject::invokeMethod(
            this, [this, outcome = DiagnoseSnapshot(std::move(outcome))] { onDone(outcome); }, Qt::QueuedConnection);
    });
}

void DiagnosePresenter::onDone(const DiagnoseSnapshot& outcome)
{
    if (outcome->generation == m_generation)
        publish(outcome);
    if (m_pending) {
        startNext();
    } else {
        m_running = false;
        Q_EMIT busyChanged(false);
    }
}

void DiagnosePresenter::publish(const DiagnoseSnapshot& outcome)
{
    m_latest = outcome;
    Q_EMIT finished(outcome);
}

} // namespace corsbench::ui
