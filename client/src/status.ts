// The status bar item: the workspace's Kube Hardening error and warning counts, and whether a scan is running.
// Clicking it focuses the Kube Hardening view.
import { DiagnosticSeverity, languages, StatusBarAlignment, window, type Disposable, type StatusBarItem } from 'vscode';
import { SOURCE } from './findings-view.js';

export class HardeningStatus implements Disposable {
  private readonly item: StatusBarItem;
  private scanning = false;
  private readonly subscription: Disposable;

  constructor() {
    this.item = window.createStatusBarItem('kubeHardening.status', StatusBarAlignment.Left, 10);
    this.item.name = 'Kube Hardening';
    this.item.command = 'kubeHardening.findings.focus';
    this.subscription = languages.onDidChangeDiagnostics(() => this.render());
    this.render();
    this.item.show();
  }

  setScanning(scanning: boolean): void {
    this.scanning = scanning;
    this.render();
  }

  counts(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const [, diagnostics] of languages.getDiagnostics()) {
      for (const d of diagnostics) {
        if (d.source !== SOURCE) continue;
        if (d.severity === DiagnosticSeverity.Error) errors++;
        else if (d.severity === DiagnosticSeverity.Warning) warnings++;
      }
    }
    return { errors, warnings };
  }

  private render(): void {
    const { errors, warnings } = this.counts();
    this.item.text = `${this.scanning ? '$(sync~spin)' : '$(shield)'} ${errors} $(error) ${warnings} $(warning)`;
    this.item.tooltip = `Kube Hardening: ${errors} error(s), ${warnings} warning(s)${this.scanning ? ' — scanning the workspace' : ''}. Click to show the findings.`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
