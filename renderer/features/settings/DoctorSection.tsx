/** Which optional components this installation has (`vcheck doctor`). */
import { DOCTOR_COMPONENTS } from '../../../shared/doctor.js';
import { RemoteView } from '../../components/RemoteView.js';
import { useCall } from '../../state/use-call.js';

/** The `doctor.report` answer as a table: component, available, detail, hint. */
export function DoctorSection() {
  const { data, reload } = useCall('doctor.report', {});
  return (
    <section className="card" aria-labelledby="doctor-title">
      <h2 id="doctor-title">Optional components</h2>
      <RemoteView data={data} what="the doctor report" reload={reload}>
        {(report) => (
          <table className="data-table" data-testid="doctor-table">
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col">Available</th>
                <th scope="col">Detail</th>
                <th scope="col">Hint</th>
              </tr>
            </thead>
            <tbody>
              {DOCTOR_COMPONENTS.map((name) => {
                const check = report[name];
                return (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      <span className="badge" data-status={check.available ? 'available' : 'missing'}>
                        {check.available ? 'yes' : 'no'}
                      </span>
                    </td>
                    <td>{check.detail}</td>
                    <td className="muted">{check.hint}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </RemoteView>
    </section>
  );
}
