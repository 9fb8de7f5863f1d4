// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/verdict.h"
#include "core/http/exchange.h"

#include <QObject>
#include <QString>

namespace corsbench::ui {

/// Turns editor text into an exchange and its CORS verdict. Owns the latest successful
/// result; widgets get it through the signals. Runs on the GUI thread (evaluation is cheap).
class ExchangePresenter : public QObject
{
    Q_OBJECT
public:
    explicit ExchangePresenter(QObject* parent = nullptr);

    bool hasResult() const { return m_hasResult; }
    /// The last exchange that parsed; default-constructed before the first success.
    const http::Exchange& exchange() const { return m_exchange; }
    const cors::Verdict& verdict() const { return m_verdict; }

public Q_SLOTS:
    /// Parses `text` (an exchange or a case file) and evaluates it. Emits exactly one of
    /// verdictChanged() or parseFailed().
    void setSourceText(const QString& text);

Q_SIGNALS:
    void verdictChanged(const corsbench::http::Exchange& exchange, const corsbench::cors::Verdict& verdict);
    /// `line`/`column` are 0-based and -1 when the error cannot be placed in the text.
    void parseFailed(const QString& message, int line, int column);

private:
    http::Exchange m_exchange;
    cors::Verdict m_verdict;
    bool m_hasResult = false;
};

} // namespace corsbench::ui
