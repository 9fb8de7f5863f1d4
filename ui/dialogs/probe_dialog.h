// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "ui/presenters/probe_presenter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace corsbench::ui {

/// Collects what to probe; no logic beyond filling a ProbeInput.
class ProbeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ProbeDialog(QWidget* parent = nullptr);

    ProbeInput input() const;
    void setInput(const ProbeInput& input);

private:
    QLineEdit* m_url = nullptr;
    QLineEdit* m_origin = nullptr;
    QComboBox* m_method = nullptr;
    QPlainTextEdit* m_headers = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QComboBox* m_credentials = nullptr;
    QSpinBox* m_timeout = nullptr;
    QLineEdit* m_cookie = nullptr;
    QLineEdit* m_proxy = nullptr;
    QCheckBox* m_insecure = nullptr;
    QCheckBox* m_sendAnyway = nullptr;
};

} // namespace corsbench::ui
