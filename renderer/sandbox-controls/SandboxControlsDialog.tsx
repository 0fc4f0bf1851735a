import { useState, type FormEvent, type ReactNode } from 'react';
import { ProviderIdSchema, type ProviderId } from '../../shared/providers';
import { CLOCK_UNITS, SANDBOX_FAULTS, type ClockUnit, type SandboxFault } from '../../shared/sandbox-controls';
import { call } from '../bridge/client';
import { Dialog } from '../components/Dialog';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useAction } from '../components/use-action';
import { useFormat } from '../i18n/format';
import { providerName } from '../i18n/provider-names';
import { useT } from '../i18n/use-t';
import { sandboxControlError } from './sandbox-control-error';

/** One control: a small form whose submit runs `run`, which returns the sentence to show (what to refresh). */
function ControlForm({ title, submit, run, children }: { title: string; submit: string; run: () => Promise<string>; children: ReactNode }) {
  const t = useT();
  const action = useAction(run);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <form className="sandbox-control" onSubmit={onSubmit} aria-label={title}>
      <fieldset disabled={action.busy}>
        <legend>{title}</legend>
        {children}
        <button type="submit" className="button button-primary" aria-busy={action.busy}>
          {submit}
        </button>
      </fieldset>
      <div aria-live="polite">
        {action.result && (
          <p className="message message-info" role="status">
            {action.result}
          </p>
        )}
        {action.error && (
          <p className="message message-error" role="alert">
            {sandboxControlError(action.error, t)}
          </p>
        )}
      </div>
    </form>
  );
}

const wholeNumber = (value: string) => (/^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/**
 * The sandbox's test controls for someone trying the demo workspace: move its clock, break a provider for a few
 * requests, add instances, set a balance or a WhatsApp state. Main refuses them unless the sandbox runs.
 */
export function SandboxControlsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  const [amount, setAmount] = useState('31');
  const [unit, setUnit] = useState<ClockUnit>('days');
  const [faultProvider, setFaultProvider] = useState<ProviderId>('chatpush');
  const [fault, setFault] = useState<SandboxFault>('status500');
  const [times, setTimes] = useState('1');
  const [count, setCount] = useState('50');
  const [balance, setBalance] = useState('100');
  const [stateProvider, setStateProvider] = useState<'chatpush' | 'greenapi'>('chatpush');
  const [instanceId, setInstanceId] = useState('');
  const [linked, setLinked] = useState<'linked' | 'notLinked'>('notLinked');
  const providers = ProviderIdSchema.options.map((value) => ({ value, label: providerName(value) }));

  return (
    <Dialog title={t('sandboxControls.title')} description={t('sandboxControls.intro')} onClose={onClose} size="large">
      <ControlForm
        title={t('sandboxControls.faults')}
        submit={t('sandboxControls.inject')}
        run={async () => {
          const status = await call('sandbox.injectFault', { provider: faultProvider, fault, times: wholeNumber(times) });
          return t('sandboxControls.done.fault', { provider: providerName(faultProvider), count: String(status.pendingFaults[faultProvider] ?? 0) });
        }}
      >
        <SelectField id="sandbox-fault-provider" label={t('sandboxControls.provider')} value={faultProvider} options={providers} onChange={setFaultProvider} />
        <SelectField
          id="sandbox-fault"
          label={t('sandboxControls.fault')}
          value={fault}
          options={SANDBOX_FAULTS.map((value) => ({ value, label: t(`sandboxControls.fault.${value}`) }))}
          onChange={setFault}
        />
        <TextField id="sandbox-fault-times" label={t('sandboxControls.times')} value={times} onChange={setTimes} inputMode="numeric" />
      </ControlForm>
      <ControlForm
        title={t('sandboxControls.clear')}
        submit={t('sandboxControls.clear')}
        run={async () => (await call('sandbox.clearFaults', {}), t('sandboxControls.done.cleared'))}
      >
        {null}
      </ControlForm>
      <ControlForm
        title={t('sandboxControls.clock')}
        submit={t('sandboxControls.advance')}
        run={async () => {
          const status = await call('sandbox.advanceClock', { amount: wholeNumber(amount), unit });
          return t('sandboxControls.done.clock', { now: format.dateTime(status.now) });
        }}
      >
        <TextField id="sandbox-clock-amount" label={t('sandboxControls.amount')} value={amount} onChange={setAmount} inputMode="numeric" />
        <SelectField
          id="sandbox-clock-unit"
          label={t('sandboxControls.unit')}
          value={unit}
          options={CLOCK_UNITS.map((value) => ({ value, label: t(`sandboxControls.unit.${value}`) }))}
          onChange={setUnit}
        />
      </ControlForm>
      <ControlForm
        title={t('sandboxControls.seed')}
        submit={t('sandboxControls.seedButton')}
        run={async () => {
          const { added } = await call('sandbox.seedInstances', { provider: 'chatpush', count: wholeNumber(count) });
          return t('sandboxControls.done.seed', { count: String(added) });
        }}
      >
        <TextField id="sandbox-seed-count" label={t('sandboxControls.count')} value={count} onChange={setCount} inputMode="numeric" />
      </ControlForm>
      <ControlForm
        title={t('sandboxControls.balance')}
        submit={t('sandboxControls.setBalance')}
        run={async () => (await call('sandbox.setBalance', { provider: 'chatpush', amount: balance }), t('sandboxControls.done.balance'))}
      >
        <TextField id="sandbox-balance" label={t('sandboxControls.balanceAmount')} value={balance} onChange={setBalance} inputMode="text" />
      </ControlForm>
      <ControlForm
        title={t('sandboxControls.state')}
        submit={t('sandboxControls.setState')}
        run={async () => {
          const id = instanceId.trim();
          const isLinked = linked === 'linked';
          await call(
            'sandbox.setWhatsappState',
            stateProvider === 'chatpush'
              ? { provider: 'chatpush', customerId: wholeNumber(id), linked: isLinked }
              : { provider: 'greenapi', idInstance: id, linked: isLinked },
          );
          return t('sandboxControls.done.state');
        }}
      >
        <SelectField
          id="sandbox-state-provider"
          label={t('sandboxControls.provider')}
          value={stateProvider}
          options={(['chatpush', 'greenapi'] as const).map((value) => ({ value, label: providerName(value) }))}
          onChange={setStateProvider}
        />
        <TextField id="sandbox-state-instance" label={t('sandboxControls.instanceId')} value={instanceId} onChange={setInstanceId} />
        <SelectField
          id="sandbox-state-linked"
          label={t('sandboxControls.stateValue')}
          value={linked}
          options={[
            { value: 'linked' as const, label: t('sandboxControls.linked') },
            { value: 'notLinked' as const, label: t('sandboxControls.notLinked') },
          ]}
          onChange={setLinked}
        />
      </ControlForm>
    </Dialog>
  );
}
