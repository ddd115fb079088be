/** Settings: what is running, where its data lives, what is installed, and store upkeep. */
import { PageHeader } from '../../components/PageHeader.js';
import { AppInfoSection } from './AppInfoSection.js';
import { DoctorSection } from './DoctorSection.js';
import { StoreSection } from './StoreSection.js';

/** The Settings page. */
export function SettingsPage() {
  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title="Settings"
        subtitle="This installation, its data directory and its optional components."
      />
      <div className="card-grid">
        <AppInfoSection />
        <StoreSection />
      </div>
      <DoctorSection />
    </section>
  );
}
