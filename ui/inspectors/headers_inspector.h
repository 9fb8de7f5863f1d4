// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "ui/timeline/timeline_steps.h"

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace corsbench::ui {

/// Raw request and response heads of one timeline step, side by side: wire order, duplicates
/// and original name case kept. CORS headers are emphasised and duplicates flagged.
class HeadersInspector : public QWidget
{
    Q_OBJECT
public:
    explicit HeadersInspector(QWidget* parent = nullptr);

    void setStep(const TimelineStep& step);
    void clear();

    QString requestText() const;
    QString responseText() const;

private:
    QLabel* m_title = nullptr;
    QLabel* m_requestCaption = nullptr;
    QLabel* m_responseCaption = nullptr;
    QTextBrowser* m_request = nullptr;
    QTextBrowser* m_response = nullptr;
};

} // namespace corsbench::ui
