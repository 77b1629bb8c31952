import { Button } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { StatusPage } from './StatusPage.tsx';

interface State {
  failed: boolean;
}

/** Catches rendering errors so the user sees a way out instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <StatusPage
        testId="page-crash"
        code="Ой"
        title="Что-то пошло не так"
        text="Страница не смогла открыться из-за ошибки. Обновите её — обычно это помогает. Введённые данные могли не сохраниться."
        action={<Button onClick={() => window.location.reload()}>Обновить страницу</Button>}
      />
    );
  }
}
