// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/dialogs/probe_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace corsbench::ui {

ProbeDialog::ProbeDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Probe Server"));
    auto* form = new QFormLayout(this);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:8000/api/items"));
    form->addRow(tr("&URL:"), m_url);

    m_origin = new QLineEdit(this);
    m_origin->setObjectName(QStringLiteral("origin"));
    m_origin->setPlaceholderText(QStringLiteral("http://localhost:5173"));
    form->addRow(tr("Page &origin:"), m_origin);

    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("method"));
    m_method->setEditable(true);
    m_method->addItems({ QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS") });
    form->addRow(tr("&Method:"), m_method);

    m_headers = new QPlainTextEdit(this);
    m_headers->setObjectName(QStringLiteral("headers"));
    m_headers->setPlaceholderText(tr("Name: value (one per line)"));
    m_headers->setTabChangesFocus(true);
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 4 + 12);
    form->addRow(tr("&Headers:"), m_headers);

    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("body"));
    m_body->setTabChangesFocus(true);
    m_body->setFixedHeight(m_body->fontMetrics().lineSpacing() * 3 + 12);
    form->addRow(tr("&Body:"), m_body);

    m_credentials = new QComboBox(this);
    m_credentials->setObjectName(QStringLiteral("credentials"));
    m_credentials->addItem(QStringLiteral("omit"), static_cast<int>(http::CredentialsMode::Omit));
    m_credentials->addItem(QStringLiteral("same-origin"), static_cast<int>(http::CredentialsMode::SameOrigin));
    m_credentials->addItem(QStringLiteral("include"), static_cast<int>(http::CredentialsMode::Include));
    form->addRow(tr("&Credentials:"), m_credentials);

    m_cookie = new QLineEdit(this);
    m_cookie->setObjectName(QStringLiteral("cookie"));
    m_cookie->setPlaceholderText(QStringLiteral("session=abc123; theme=dark"));
    m_cookie->setToolTip(tr("Sent as the Cookie header when credentials are \"include\" (as a browser would)."));
    form->addRow(tr("Coo&kie:"), m_cookie);

    m_proxy = new QLineEdit(this);
    m_proxy->setObjectName(QStringLiteral("proxy"));
    m_proxy->setPlaceholderText(tr("system · none · http://127.0.0.1:3128"));
    m_proxy->setToolTip(tr("\"system\" or empty: the proxy environment variables; \"none\": connect directly; "
                           "or an http:// proxy URL. Loopback targets never use a proxy, as in Chromium."));
    form->addRow(tr("Pro&xy:"), m_proxy);

    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    form->addRow(tr("&Timeout:"), m_timeout);

    m_insecure = new QCheckBox(tr("&Insecure TLS (proceed despite certificate problems)"), this);
    m_insecure->setObjectName(QStringLiteral("insecure"));
    form->addRow(m_insecure);
    m_sendAnyway = new QCheckBox(tr("&Send the actual request even if the browser would not"), this);
    m_sendAnyway->setObjectName(QStringLiteral("sendAnyway"));
    form->addRow(m_sendAnyway);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Probe"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);

    setInput(ProbeInput {});
    m_url->setFocus();
    resize(560, sizeHint().height());
}

ProbeInput ProbeDialog::input() const
{
    ProbeInput input;
    input.url = m_url->text().trimmed();
    input.pageOrigin = m_origin->text().trimmed();
    input.method = m_method->currentText().trimmed();
    input.headers = m_headers->toPlainText();
    input.body = m_body->toPlainText();
    input.credentials = static_cast<http::CredentialsMode>(m_credentials->currentData().toInt());
    input.timeoutSeconds = m_timeout->value();
    input.insecure = m_insecure->isChecked();
    input.sendAnyway = m_sendAnyway->isChecked();
    input.cookie = m_cookie->text().trimmed();
    input.proxy = m_proxy->text().trimmed();
    return input;
}

void ProbeDialog::setInput(const ProbeInput& input)
{
    m_url->setText(input.url);
    m_origin->setText(input.pageOrigin);
    m_method->setCurrentText(input.method);
    m_headers->setPlainText(input.headers);
    m_body->setPlainText(input.body);
    m_credentials->setCurrentIndex(qMax(0, m_credentials->findData(static_cast<int>(input.credentials))));
    m_timeout->setValue(input.timeoutSeconds);
    m_insecure->setChecked(input.insecure);
    m_sendAnyway->setChecked(input.sendAnyway);
    m_cookie->setText(input.cookie);
    m_proxy->setText(input.proxy);
}

} // namespace corsbench::ui
