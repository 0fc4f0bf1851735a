import { defineMessages } from './define-messages';

export const auditMessages = defineMessages(
  {
    'audit.intro': 'Every change made through Switchboard, newest first: who made it, when, to what, and how it ended. Secrets are never written here.',
    'audit.empty': 'Nothing has been changed through Switchboard yet.',
    'audit.export': 'Export CSV',
    'audit.loadMore': 'Show older entries',
    'audit.count': { one: 'Showing {shown} of {count} entry', other: 'Showing {shown} of {count} entries' },
    'audit.column.time': 'Time',
    'audit.column.who': 'Who',
    'audit.column.what': 'What',
    'audit.column.target': 'Target',
    'audit.column.result': 'Result',
    'audit.resultOk': 'Done',
  },
  {
    'audit.intro': 'Все изменения, сделанные через Switchboard, новые сверху: кто, когда, что и чем закончилось. Секреты сюда не пишутся.',
    'audit.empty': 'Через Switchboard пока ничего не меняли.',
    'audit.export': 'Экспорт в CSV',
    'audit.loadMore': 'Показать более ранние',
    'audit.count': {
      one: 'Показана {shown} из {count} записи',
      few: 'Показаны {shown} из {count} записей',
      many: 'Показаны {shown} из {count} записей',
      other: 'Показаны {shown} из {count} записи',
    },
    'audit.column.time': 'Время',
    'audit.column.who': 'Кто',
    'audit.column.what': 'Что',
    'audit.column.target': 'Объект',
    'audit.column.result': 'Результат',
    'audit.resultOk': 'Выполнено',
  },
);
