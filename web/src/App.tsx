import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './layout/Layout.js';
import { NotFound } from './pages/NotFound.js';
import { StatusProvider } from './status.js';

// One chunk per route module, so the portal never downloads the wall's or Humas's code.
const Home = lazy(() => import('./areas/portal/Home.js'));
const Datasets = lazy(() => import('./areas/portal/Datasets.js'));
const Organizations = lazy(() => import('./areas/portal/Organizations.js'));
const Dataset = lazy(() => import('./areas/portal/Dataset.js'));
const Organization = lazy(() => import('./areas/portal/Organization.js'));
const Groups = lazy(() => import('./areas/portal/Groups.js'));
const Group = lazy(() => import('./areas/portal/Group.js'));
const ApiPage = lazy(() => import('./areas/portal/ApiPage.js'));
const RuangKendali = lazy(() => import('./areas/ruang-kendali/RuangKendali.js'));
const Board = lazy(() => import('./areas/ruang-kendali/Board.js'));
const BoardEditor = lazy(() => import('./areas/ruang-kendali/Editor.js'));
const Wall = lazy(() => import('./areas/ruang-kendali/Wall.js'));
const Humas = lazy(() => import('./areas/humas/Humas.js'));
const HumasAgenda = lazy(() => import('./areas/humas/Agenda.js'));
const HumasMedia = lazy(() => import('./areas/humas/Media.js'));
const HumasNews = lazy(() => import('./areas/humas/News.js'));
const HumasArticle = lazy(() => import('./areas/humas/Article.js'));
const SignIn = lazy(() => import('./areas/ruang-kerja/SignIn.js'));
const Queue = lazy(() => import('./areas/ruang-kerja/Queue.js'));
const Upload = lazy(() => import('./areas/ruang-kerja/Upload.js'));

export function App() {
  return (
    <StatusProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<Home />} />
            <Route path="dataset" element={<Datasets />} />
            <Route path="dataset/:name" element={<Dataset />} />
            <Route path="organization" element={<Organizations />} />
            <Route path="organization/:name" element={<Organization />} />
            <Route path="group" element={<Groups />} />
            <Route path="group/:name" element={<Group />} />
            <Route path="pengembang" element={<ApiPage />} />
            <Route path="ruang-kendali" element={<RuangKendali />} />
            <Route path="ruang-kendali/papan/:name" element={<Board />} />
            <Route path="ruang-kendali/papan/:name/sunting" element={<BoardEditor />} />
            <Route path="ruang-kendali/papan-baru" element={<BoardEditor />} />
            <Route path="humas" element={<Humas />} />
            <Route path="humas/agenda" element={<HumasAgenda />} />
            <Route path="humas/media" element={<HumasMedia />} />
            <Route path="humas/berita" element={<HumasNews />} />
            <Route path="humas/berita/:slug" element={<HumasArticle />} />
            <Route path="masuk" element={<SignIn />} />
            <Route path="ruang-kerja/antrian" element={<Queue />} />
            <Route path="ruang-kerja/unggah" element={<Upload />} />
            <Route path="*" element={<NotFound />} />
          </Route>
          {/* The wall has no site chrome: outside the layout. */}
          <Route
            path="ruang-kendali/wall/:name"
            element={
              <Suspense fallback={null}>
                <Wall />
              </Suspense>
            }
          />
        </Routes>
      </BrowserRouter>
    </StatusProvider>
  );
}
