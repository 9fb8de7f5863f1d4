// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "ui/presenters/scan_presenter.h"

#include <QDialog>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace corsbench::ui {

/// Request ▸ Scan Endpoint: collects a ScanInput, shows the presenter's progress, verdict,
/// findings and probes. No logic: it forwards intents (scan, cancel, open evidence) to the
/// presenter and shows the confirmation question the presenter asks for.
class ScanDialog : public QDialog
{
    Q_OBJECT
public:
    /// `presenter` must outlive the dialog.
    explicit ScanDialog(ScanPresenter* presenter, QWidget* parent = nullptr);

    ScanInput input() const;
    void setInput(const ScanInput& input);

public Q_SLOTS:
    /// Same as clicking "Scan".
    void requestScan();

private:
    void onStateChanged(ScanPresenter::State state);
    void onProgressed(const QString& text, int done, int planned);
    void onFinished();
    void onFailed(const QString& message);
    void onConfirmationNeeded(const ScanInput& input, const QString& question);
    void showFinding(const QModelIndex& current);
    void showVerdictBanner(const ScanVerdict& verdict);
    int selectedFindingRow() const;

    ScanPresenter* m_presenter = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_baseOrigin = nullptr;
    QPlainTextEdit* m_allow = nullptr;
    QComboBox* m_credentials = nullptr;
    QSpinBox* m_delay = nullptr;
    QSpinBox* m_budget = nullptr;
    QSpinBox* m_timeout = nullptr;
    QLineEdit* m_cookie = nullptr;
    QLineEdit* m_proxy = nullptr;
    QPushButton* m_scan = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_progressText = nullptr;
    QLabel* m_error = nullptr;
    QFrame* m_banner = nullptr;
    QLabel* m_bannerTitle = nullptr;
    QLabel* m_bannerText = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_findings = nullptr;
    QTableView* m_probes = nullptr;
    QPlainTextEdit* m_evidence = nullptr;
    QLabel* m_why = nullptr;
    QLabel* m_fix = nullptr;
    QPushButton* m_openEvidence = nullptr;
    QLabel* m_notes = nullptr;
    QList<QWidget*> m_inputs; // disabled while a scan runs
};

} // namespace corsbench::ui
