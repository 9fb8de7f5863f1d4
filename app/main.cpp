// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/mainwindow/main_window.h"
#include "ui/presenters/scan_presenter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDebug>
#include <QIcon>
#include <QScreen>
#include <QTimer>

int main(int argc, char* argv[])
{
    Q_INIT_RESOURCE(resources);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("corsbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("corsbench"));
    QApplication::setApplicationVersion(QStringLiteral(CORSBENCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("corsbench"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/corsbench.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CORS debugging workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"), QStringLiteral("Exchange or case JSON to open."), QStringLiteral("[FILE]"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
        QStringLiteral("Quit after <ms> milliseconds (for screenshots)."), QStringLiteral("ms"));
    parser.addOption(quitAfter);
    QCommandLineOption probe(
        QStringLiteral("probe"), QStringLiteral("Probe <url> at start-up."), QStringLiteral("url"));
    QCommandLineOption origin(
        QStringLiteral("origin"), QStringLiteral("Page origin for --probe."), QStringLiteral("origin"));
    QCommandLineOption diagnose(QStringLiteral("diagnose"),
        QStringLiteral("Load <file> into the Diagnose tab at start-up."), QStringLiteral("file"));
    QCommandLineOption scan(QStringLiteral("scan"), QStringLiteral("Scan <url> at start-up."), QStringLiteral("url"));
    QCommandLineOption allow(
        QStringLiteral("allow"), QStringLiteral("Origin that must work, for --scan."), QStringLiteral("origin"));
    for (QCommandLineOption* hidden : { &probe, &origin, &diagnose, &scan, &allow })
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ probe, origin, diagnose, scan, allow });
    parser.process(app);
    const auto probeInput = corsbench::ui::probeInputFromArguments(parser.value(probe), parser.value(origin));
    if (!probeInput) {
        qCritical().noquote() << probeInput.error().message;
        return 2;
    }
    const auto scanInput = corsbench::ui::scanInputFromArguments(parser.value(scan), parser.values(allow));
    if (!scanInput) {
        qCritical().noquote() << scanInput.error().message;
        return 2;
    }

    corsbench::ui::MainWindow window;
    const QStringList files = parser.positionalArguments();
    window.openInitial(files.isEmpty() ? QString() : files.first());
    if (const QScreen* screen = window.screen())
        window.setGeometry(screen->availableGeometry());
    window.showMaximized();
    if (parser.isSet(diagnose)) {
        if (const auto loaded = window.openDiagnoseFile(parser.value(diagnose)); !loaded)
            qWarning().noquote() << loaded.error().message;
    }
    if (probeInput.value())
        QTimer::singleShot(0, &window, [&window, input = *probeInput.value()] { window.startProbe(input); });
    if (scanInput.value())
        QTimer::singleShot(0, &window, [&window, input = *scanInput.value()] { window.openScan(input, true); });

    if (parser.isSet(quitAfter)) {
        bool ok = false;
        const int ms = parser.value(quitAfter).toInt(&ok);
        if (!ok || ms < 0)
            parser.showHelp(2);
        QTimer::singleShot(ms, &window, &QWidget::close);
    }
    return app.exec();
}
