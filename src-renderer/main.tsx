// Boot: pick the transport, build the typed client, set up languages, render the app.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../src-main/common/client.ts';
import { App } from './App.tsx';
import { ApiProvider } from './api-context.tsx';
import { initI18n } from './i18n/index.ts';
import { createQueryClient } from './queries/index.ts';
import { SearchStateProvider } from './search-state.tsx';
import { chooseTransport } from './transport.ts';

async function boot(): Promise<void> {
  const { transport } = chooseTransport();
  const api = createClient(transport);
  const queryClient = createQueryClient();
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <QueryClientProvider client={queryClient}>
          <ApiProvider api={api}>
            <SearchStateProvider>
              <App />
            </SearchStateProvider>
          </ApiProvider>
        </QueryClientProvider>
      </FluentProvider>
    </StrictMode>,
  );
}

void boot();
