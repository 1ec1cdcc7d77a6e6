import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { refreshCsrfToken } from './api/api-client';
import { App } from './app';
import './styles.css';

dayjs.locale('zh-cn');

// Obtain the CSRF token early; requests fetch it themselves if this has not finished yet.
refreshCsrfToken().catch(() => undefined);

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
