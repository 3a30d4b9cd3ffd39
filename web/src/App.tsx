import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './layout/Layout.js';
import { NotFound } from './pages/NotFound.js';
import { StatusProvider } from './status.js';

// One chunk per route module, so the portal never downloads the wall's or Humas's code.
const Home = lazy(() => import('./areas/portal/Home.js'));
const Datasets = lazy(() => import('./areas/portal/Datasets.js'));
const Organizations = lazy(() => import('./areas/portal/Organizations.js'));
const RuangKendali = lazy(() => import('./areas/ruang-kendali/RuangKendali.js'));
const Humas = lazy(() => import('./areas/humas/Humas.js'));

export function App() {
  return (
    <StatusProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<Home />} />
            <Route path="dataset" element={<Datasets />} />
            <Route path="organization" element={<Organizations />} />
            <Route path="ruang-kendali" element={<RuangKendali />} />
            <Route path="humas" element={<Humas />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </StatusProvider>
  );
}
