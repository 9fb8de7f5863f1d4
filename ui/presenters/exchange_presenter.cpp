// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/presenters/exchange_presenter.h"

#include "core/cors/cors_engine.h"
#include "core/io/exchange_json.h"
#include "ui/presenters/source_location.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace corsbench::ui {

ExchangePresenter::ExchangePresenter(QObject* parent)
    : QObject(parent)
{
}

void ExchangePresenter::setSourceText(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        Q_EMIT parseFailed(tr("Empty document: paste an exchange or case JSON, or pick one from Samples."), -1, -1);
        return;
    }
    const QByteArray utf8 = text.toUtf8();

    // Qt's parser gives a byte offset for syntax errors; place the marker from that.
    QJsonParseError jsonError;
    QJsonDocument::fromJson(utf8, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        const SourcePosition position = positionOfUtf8Offset(utf8, jsonError.offset);
        Q_EMIT parseFailed(tr("JSON syntax error: %1").arg(jsonError.errorString()), position.line, position.column);
        return;
    }

    Result<http::Exchange> parsed = io::parseExchange(utf8);
    if (!parsed) {
        const Error& error = parsed.error();
        QString message = error.message;
        if (!error.detail.isEmpty())
            message += QStringLiteral(" (%1)").arg(error.detail);
        for (const QString& path : jsonPathsInMessage(message)) {
            if (const auto position = locateJsonPath(text, path)) {
                Q_EMIT parseFailed(message, position->line, position->column);
                return;
            }
        }
        Q_EMIT parseFailed(message, -1, -1);
        return;
    }

    m_exchange = std::move(parsed).value();
    m_verdict = cors::CorsEngine().evaluate(m_exchange);
    m_hasResult = true;
    Q_EMIT verdictChanged(m_exchange, m_verdict);
}

} // namespace corsbench::ui
