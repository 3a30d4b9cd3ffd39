import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { prefetchWallBoard, WALL_PATH } from './areas/ruang-kendali/prefetch.js';
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
const Regions = lazy(() => import('./areas/portal/Regions.js'));
const Region = lazy(() => import('./areas/portal/Region.js'));
const RuangKendali = lazy(() => import('./areas/ruang-kendali/RuangKendali.js'));
const Board = lazy(() => import('./areas/ruang-kendali/Board.js'));
const BoardEditor = lazy(() => import('./areas/ruang-kendali/Editor.js'));
// The wall asks for its board while its code loads.
const Wall = lazy(() => {
  prefetchWallBoard();
  return import('./areas/ruang-kendali/Wall.js');
});
const Humas = lazy(() => import('./areas/humas/Humas.js'));
const HumasAgenda = lazy(() => import('./areas/humas/Agenda.js'));
const HumasMedia = lazy(() => import('./areas/humas/Media.js'));
const HumasNews = lazy(() => import('./areas/humas/News.js'));
const HumasArticle = lazy(() => import('./areas/humas/Article.js'));
const SignIn = lazy(() => import('./areas/ruang-kerja/SignIn.js'));
const Queue = lazy(() => import('./areas/ruang-kerja/Queue.js'));
const Upload = lazy(() => import('./areas/ruang-kerja/Upload.js'));
const WorkspaceHub = lazy(() => import('./areas/ruang-kerja/Hub.js'));
const MyDatasets = lazy(() => import('./areas/ruang-kerja/MyDatasets.js'));
const DatasetForm = lazy(() => import('./areas/ruang-kerja/DatasetForm.js'));
const ApiTokens = lazy(() => import('./areas/ruang-kerja/Tokens.js'));
const Members = lazy(() => import('./areas/ruang-kerja/Members.js'));
const AdminOrganizations = lazy(() => import('./areas/admin/Organizations.js'));
const AdminUsers = lazy(() => import('./areas/admin/Users.js'));
const AdminHarvest = lazy(() => import('./areas/admin/Harvest.js'));
const AdminMaps = lazy(() => import('./areas/admin/Maps.js'));

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
            <Route path="wilayah" element={<Regions />} />
            <Route path="wilayah/:code" element={<Region />} />
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
            <Route path="ruang-kerja" element={<WorkspaceHub />} />
            <Route path="ruang-kerja/dataset" element={<MyDatasets />} />
            <Route path="ruang-kerja/dataset/baru" element={<DatasetForm />} />
            <Route path="ruang-kerja/dataset/:name" element={<DatasetForm />} />
            <Route path="ruang-kerja/token" element={<ApiTokens />} />
            <Route path="ruang-kerja/anggota" element={<Members />} />
            <Route path="admin/instansi" element={<AdminOrganizations />} />
            <Route path="admin/pengguna" element={<AdminUsers />} />
            <Route path="admin/panen" element={<AdminHarvest />} />
            <Route path="admin/peta" element={<AdminMaps />} />
            <Route path="*" element={<NotFound />} />
          </Route>
          {/* The wall has no site chrome: outside the layout. */}
          <Route
            path={WALL_PATH}
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
